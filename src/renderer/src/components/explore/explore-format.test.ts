import { describe, expect, it } from 'vitest'
import {
  binLabels,
  formatBytes,
  formatCount,
  formatSpeed,
  formatValue,
  imbalanceVerdict,
  labelText,
  oneHot,
  pageCount,
  parseClassNames,
  toGreyscale,
  toRows
} from './explore-format'

describe('explore formatting', () => {
  it('writes counts with thousands separators', () => {
    expect(formatCount(60000)).toBe('60,000')
    expect(formatCount(7)).toBe('7')
  })

  it('writes bytes in decimal units, as download sizes are published', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(28881)).toBe('28.9 KB')
    expect(formatBytes(26421880)).toBe('26.4 MB')
    expect(formatBytes(-3)).toBe('0 B')
    expect(formatSpeed(1_500_000)).toBe('1.5 MB/s')
  })

  it('keeps integers exact and rounds the rest', () => {
    expect(formatValue(255)).toBe('255')
    expect(formatValue(-0.42421296)).toBe('-0.424')
    expect(formatValue(2.5, 1)).toBe('2.5')
  })

  it('one-hot encodes a label', () => {
    expect(oneHot(3, 10)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    expect(oneHot(0, 2)).toEqual([1, 0])
  })

  it('parses comma separated class names, or none', () => {
    expect(parseClassNames(' cat, dog ,, bird ')).toEqual(['cat', 'dog', 'bird'])
    expect(parseClassNames('  ')).toBeUndefined()
    expect(parseClassNames('')).toBeUndefined()
  })

  it('counts pages, never fewer than one', () => {
    expect(pageCount(0, 25)).toBe(1)
    expect(pageCount(25, 25)).toBe(1)
    expect(pageCount(26, 25)).toBe(2)
    expect(pageCount(60000, 25)).toBe(2400)
  })

  it('names the degree of imbalance', () => {
    expect(imbalanceVerdict(1)).toBe('roughly balanced')
    expect(imbalanceVerdict(1.27)).toBe('roughly balanced')
    expect(imbalanceVerdict(2)).toBe('mildly imbalanced')
    expect(imbalanceVerdict(10)).toBe('strongly imbalanced')
  })

  it('labels histogram bins by their lower edge', () => {
    expect(binLabels([0, 0.25, 0.5, 0.75, 1])).toEqual(['0', '0.25', '0.5', '0.75'])
  })

  it('stretches a map to grey levels with the largest value white', () => {
    expect(toGreyscale([0, 50, 100])).toEqual([0, 128, 255])
    expect(toGreyscale([0, 0])).toEqual([0, 0])
  })

  it('splits pixels into rows', () => {
    const rows = toRows(Array.from({ length: 784 }, (_, i) => i))
    expect(rows).toHaveLength(28)
    expect(rows[1][0]).toBe(28)
    expect(rows[27][27]).toBe(783)
  })

  it('names a label by number, and by class name where it has one', () => {
    expect(labelText(5, ['0', '1', '2', '3', '4', '5'])).toBe('5')
    expect(labelText(1, ['T-shirt/top', 'Trouser'])).toBe('1 (Trouser)')
    expect(labelText(7, [])).toBe('7')
  })
})
