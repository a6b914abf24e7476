import type { ChartOptions } from 'chart.js'
import type { ChartTheme } from './theme'
import { currentLocale, translate } from '../i18n'

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

/**
 * chart.js writes tick numbers with Intl in its `locale` option; it must follow
 * the lab's language, not the browser's. Charts built from options computed in
 * Vue pick a change up because those options read the locale.
 */
export function chartLocale(): { locale: string } {
  return { locale: currentLocale() }
}

/** One axis in the theme's colours, titled when a title is given. */
export function themedAxis(theme: ChartTheme, title?: string) {
  return {
    ...(title ? { title: { display: true, text: title, color: theme.muted } } : {}),
    ticks: { color: theme.muted },
    grid: { color: theme.grid }
  }
}

/** A logarithmic axis: learning rates are swept and sampled in log. */
export function logAxis(theme: ChartTheme, title: string) {
  return { ...themedAxis(theme, title), type: 'logarithmic' as const }
}

/** A rate as the rate charts' summaries write it: two significant digits (1.0e-7, 0.0010). */
export function rateFigure(rate: number): string {
  return rate.toPrecision(2)
}

/** Per-epoch line charts (the report's curves, the runs overlay): whole epochs on x, legend below. */
export function epochLineOptions(theme: ChartTheme, yTitle: string): ChartOptions<'line'> {
  return {
    ...boxedStatic,
    ...chartLocale(),
    parsing: false,
    scales: {
      x: {
        ...themedAxis(theme, translate('common.chart.epoch')),
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
