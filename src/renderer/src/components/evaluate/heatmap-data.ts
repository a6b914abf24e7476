/**
 * The numbers behind the confusion heatmap: the three views of one matrix and
 * the colour of each cell. Pure, so they are tested without a canvas.
 */
import { formatCount, formatPercent } from '../../i18n/format'

export type HeatmapMode = 'counts' | 'recall' | 'precision'

export const heatmapModes: { mode: HeatmapMode; label: string }[] = [
  { mode: 'counts', label: 'evaluate.heatmap.counts' },
  { mode: 'recall', label: 'evaluate.heatmap.recall' },
  { mode: 'precision', label: 'evaluate.heatmap.precision' }
]

export interface HeatmapCell {
  trueClass: number
  predicted: number
  count: number
  /** Share of the row: of the images of this true class, how many landed here. */
  rowShare: number
  /** Share of the column: of the images predicted as this class, how many were this true class. */
  columnShare: number
}

/** Every cell in reading order (row by row), with both normalizations. */
export function heatmapCells(confusion: readonly (readonly number[])[]): HeatmapCell[] {
  const n = confusion.length
  const rowTotals = confusion.map((row) => row.reduce((a, b) => a + b, 0))
  const columnTotals = Array.from({ length: n }, (_, c) =>
    confusion.reduce((sum, row) => sum + (row[c] ?? 0), 0)
  )
  const cells: HeatmapCell[] = []
  confusion.forEach((row, r) =>
    row.forEach((count, c) =>
      cells.push({
        trueClass: r,
        predicted: c,
        count,
        rowShare: rowTotals[r] === 0 ? 0 : count / rowTotals[r],
        columnShare: columnTotals[c] === 0 ? 0 : count / columnTotals[c]
      })
    )
  )
  return cells
}

export function cellValue(cell: HeatmapCell, mode: HeatmapMode): number {
  return mode === 'counts' ? cell.count : mode === 'recall' ? cell.rowShare : cell.columnShare
}

export function formatCellValue(value: number, mode: HeatmapMode): string {
  return mode === 'counts' ? formatCount(value) : formatPercent(value, value >= 0.995 ? 0 : 1)
}

/**
 * Opacity of each cell, 0..1. Right answers (the diagonal) and mistakes are
 * scaled separately: with counts, the diagonal is a hundred times larger and
 * would wash every mistake out to white.
 */
export function cellIntensities(cells: readonly HeatmapCell[], mode: HeatmapMode): number[] {
  const values = cells.map((cell) => cellValue(cell, mode))
  const maxOf = (diagonal: boolean): number =>
    Math.max(
      0,
      ...cells.map((c, i) => ((c.trueClass === c.predicted) === diagonal ? values[i] : 0))
    )
  const maxDiagonal = maxOf(true)
  const maxOff = maxOf(false)
  return cells.map((cell, i) => {
    const max = cell.trueClass === cell.predicted ? maxDiagonal : maxOff
    if (values[i] === 0 || max === 0) return 0
    // A floor keeps a single mistake visible next to the largest one.
    return 0.12 + 0.88 * (values[i] / max)
  })
}

/** "#rrggbb" or "rgb(r, g, b)" with an alpha, for chart.js fills. */
export function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim())
  if (hex) {
    const value = parseInt(hex[1], 16)
    return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`
  }
  const rgb = /^rgba?\(([^)]+)\)$/i.exec(colour.trim())
  if (rgb) {
    const [r, g, b] = rgb[1].split(',').map((part) => part.trim())
    return `rgba(${r}, ${g}, ${b}, ${alpha})`
  }
  return colour
}

/** A cell of the confusion matrix, chosen by click or by keyboard. */
export interface CellChoice {
  trueClass: number
  predicted: number
}
