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
