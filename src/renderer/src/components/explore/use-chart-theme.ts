import { onBeforeUnmount, shallowRef, type ShallowRef } from 'vue'
import { chartTheme, type ChartTheme } from '../../charts/theme'

/**
 * The chart colours, read again when the OS switches between light and dark:
 * the CSS variables change then, but a chart only sees colours it is handed.
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
