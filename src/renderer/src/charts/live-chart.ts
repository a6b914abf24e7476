import { Chart, type ChartConfiguration } from 'chart.js'
import {
  markRaw,
  onBeforeUnmount,
  onMounted,
  shallowRef,
  watch,
  type Ref,
  type ShallowRef
} from 'vue'
import { boxedStatic, chartLocale, logAxis, themedAxis } from './options'
import { currentLocale } from '../i18n'
import { registerCharts } from './register'
import { useChartTheme, type ChartTheme } from './theme'
import type { Point } from './series'

export type LineConfig = ChartConfiguration<'line', Point[]>

/**
 * Owns one live line chart: built on mount, refreshed in place with
 * update('none') whenever `version` changes (the store bumps it at most once
 * per animation frame), rebuilt when the OS switches light/dark, destroyed on
 * unmount. The chart is markRaw: Vue must not proxy chart.js internals.
 */
export function useLiveChart(
  canvas: Ref<HTMLCanvasElement | null>,
  build: (theme: ChartTheme) => LineConfig,
  fill: (chart: Chart<'line', Point[]>) => void,
  version: () => unknown
): ShallowRef<Chart<'line', Point[]> | null> {
  const chart = shallowRef<Chart<'line', Point[]> | null>(null)
  const theme = useChartTheme()

  function create(): void {
    chart.value?.destroy()
    if (!canvas.value) return
    registerCharts()
    const instance = markRaw(new Chart(canvas.value, build(theme.value)))
    fill(instance)
    instance.update('none')
    chart.value = instance
  }

  onMounted(create)
  // Colours are baked into datasets and scales at build time, so a theme switch rebuilds.
  watch(theme, create)
  // So are axis titles, legend labels and number formats: a language switch rebuilds too.
  watch(currentLocale, create)
  watch(version, () => {
    const instance = chart.value
    if (!instance) return
    fill(instance)
    instance.update('none')
  })
  onBeforeUnmount(() => {
    chart.value?.destroy()
    chart.value = null
  })
  return chart
}

/** How a line chart departs from the training charts: a log x axis (rates), no legend, y from 0. */
export interface LineShape {
  logX?: boolean
  legend?: boolean
  yFromZero?: boolean
}

/** The axes and legend every training chart shares, in the theme's colours. */
export function baseOptions(
  theme: ChartTheme,
  xTitle: string,
  yTitle: string,
  shape: LineShape = {}
): LineConfig['options'] {
  const axis = (title: string) => ({ ...themedAxis(theme, title), type: 'linear' as const })
  return {
    ...boxedStatic,
    ...chartLocale(),
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', intersect: false },
    scales: {
      x: shape.logX ? logAxis(theme, xTitle) : axis(xTitle),
      y: shape.yFromZero ? { ...axis(yTitle), min: 0 } : axis(yTitle)
    },
    plugins: {
      legend: {
        display: shape.legend ?? true,
        labels: { color: theme.text, boxWidth: 14, boxHeight: 2 }
      },
      tooltip: { enabled: true }
    }
  }
}
