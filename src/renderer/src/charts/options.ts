import type { ChartOptions } from 'chart.js'
import type { ChartTheme } from './theme'

/**
 * What every chart here shares: its box sets the size (so the parent must be
 * positioned and have a height) and nothing animates, since the data either
 * streams in or is printed.
 */
export const boxedStatic = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false
} as const

/** One axis in the theme's colours, titled when a title is given. */
export function themedAxis(theme: ChartTheme, title?: string) {
  return {
    ...(title ? { title: { display: true, text: title, color: theme.muted } } : {}),
    ticks: { color: theme.muted },
    grid: { color: theme.grid }
  }
}

/** Per-epoch line charts (the report's curves, the runs overlay): whole epochs on x, legend below. */
export function epochLineOptions(theme: ChartTheme, yTitle: string): ChartOptions<'line'> {
  return {
    ...boxedStatic,
    parsing: false,
    scales: {
      x: {
        ...themedAxis(theme, 'Epoch'),
        type: 'linear',
        ticks: { precision: 0, color: theme.muted }
      },
      y: themedAxis(theme, yTitle)
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: { color: theme.text, usePointStyle: true, pointStyle: 'line' }
      }
    }
  }
}
