import { onBeforeUnmount, shallowRef, type ShallowRef } from 'vue'

/** Chart colours come from the CSS variables, so charts follow the light/dark theme. */
export interface ChartTheme {
  text: string
  muted: string
  grid: string
  series: [string, string, string]
  accent: string
  danger: string
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
  return value || fallback
}

export function chartTheme(): ChartTheme {
  return {
    text: cssVar('--text', '#1c2129'),
    muted: cssVar('--muted', '#5b6472'),
    grid: cssVar('--chart-grid', 'rgba(0,0,0,0.08)'),
    series: [
      cssVar('--chart-1', '#2f6fed'),
      cssVar('--chart-2', '#e8710a'),
      cssVar('--chart-3', '#2e7d32')
    ],
    accent: cssVar('--accent', '#2f6fed'),
    danger: cssVar('--danger', '#c62828')
  }
}

/**
 * The chart colours, read again when the OS switches between light and dark:
 * the CSS variables change then, but a chart only sees colours it is handed.
 * Every chart takes its colours from here, so all of them follow the switch.
 */
export function useChartTheme(): ShallowRef<ChartTheme> {
  const theme = shallowRef(chartTheme())
  const query = window.matchMedia?.('(prefers-color-scheme: dark)')
  const update = (): void => {
    theme.value = chartTheme()
  }
  query?.addEventListener('change', update)
  onBeforeUnmount(() => query?.removeEventListener('change', update))
  return theme
}
