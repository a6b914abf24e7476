import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip
} from 'chart.js'
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix'

let registered = false

/** chart.js is tree-shaken: register the pieces the lab draws with, once. */
export function registerCharts(): void {
  if (registered) return
  Chart.register(
    BarController,
    BarElement,
    CategoryScale,
    LinearScale,
    LogarithmicScale,
    LineController,
    LineElement,
    PointElement,
    ScatterController,
    Tooltip,
    Legend,
    Filler,
    Decimation,
    MatrixController,
    MatrixElement
  )
  Chart.defaults.animation = false
  registered = true
}
