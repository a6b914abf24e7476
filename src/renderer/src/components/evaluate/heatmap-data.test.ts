import { describe, expect, it } from 'vitest'
import {
  cellIntensities,
  cellValue,
  formatCellValue,
  heatmapCells,
  withAlpha
} from './heatmap-data'

// Rows true, columns predicted: class 0 has 3 images (2 right, 1 called 1);
// class 1 has 1 image (right); nothing was predicted as class 2 and it has no images.
const confusion = [
  [2, 1, 0],
  [0, 1, 0],
  [0, 0, 0]
]

describe('heatmap cells', () => {
  const cells = heatmapCells(confusion)

  it('lists the cells row by row with row and column shares', () => {
    expect(cells).toHaveLength(9)
    expect(cells[1]).toEqual({
      trueClass: 0,
      predicted: 1,
      count: 1,
      rowShare: 1 / 3,
      columnShare: 0.5
    })
    expect(cells[4]).toMatchObject({ trueClass: 1, predicted: 1, rowShare: 1, columnShare: 0.5 })
  })

  it('gives 0, not NaN, for an empty row or column', () => {
    expect(cells[8]).toMatchObject({ rowShare: 0, columnShare: 0 })
  })

  it('row shares sum to 1 for every non-empty row (recall view)', () => {
    const rowSum = (row: number): number =>
      cells.filter((c) => c.trueClass === row).reduce((s, c) => s + cellValue(c, 'recall'), 0)
    expect(rowSum(0)).toBeCloseTo(1)
    expect(rowSum(1)).toBeCloseTo(1)
    expect(rowSum(2)).toBe(0)
  })

  it('scales the diagonal and the mistakes separately', () => {
    const alpha = cellIntensities(cells, 'counts')
    expect(alpha[0]).toBeCloseTo(1) // the largest right answer
    expect(alpha[1]).toBeCloseTo(1) // the largest (only) mistake
    expect(alpha[4]).toBeCloseTo(0.12 + 0.88 * 0.5)
    expect(alpha[2]).toBe(0)
  })

  it('formats counts as integers and shares as percentages', () => {
    expect(formatCellValue(12, 'counts')).toBe('12')
    expect(formatCellValue(1 / 3, 'recall')).toBe('33.3%')
    expect(formatCellValue(1, 'precision')).toBe('100%')
  })

  it('adds an alpha to hex and rgb colours', () => {
    expect(withAlpha('#2f6fed', 0.5)).toBe('rgba(47, 111, 237, 0.5)')
    expect(withAlpha('rgb(1, 2, 3)', 0.25)).toBe('rgba(1, 2, 3, 0.25)')
  })
})
