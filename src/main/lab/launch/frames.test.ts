import { describe, expect, it } from 'vitest'
import { decodeFrame, encodeFrame } from './frames'

describe('engine frames', () => {
  it('carry bytes, NaN and infinities through unchanged', () => {
    const images = new Uint8Array([0, 1, 254, 255])
    const message = {
      type: 'event',
      event: { name: 'train.batch', payload: { loss: NaN, lr: Infinity, low: -Infinity } },
      dataset: { train: { images, labels: new Uint8Array([7]) }, none: new Uint8Array(0) }
    }
    const back = decodeFrame(encodeFrame(message)) as typeof message
    expect(back.dataset.train.images).toEqual(images)
    expect(back.dataset.train.images).toBeInstanceOf(Uint8Array)
    expect(back.dataset.train.labels).toEqual(new Uint8Array([7]))
    expect(back.dataset.none).toEqual(new Uint8Array(0))
    expect(back.event.payload.loss).toBeNaN()
    expect(back.event.payload.lr).toBe(Infinity)
    expect(back.event.payload.low).toBe(-Infinity)
  })

  it('carry a Node Buffer as bytes, not as its JSON form', () => {
    const back = decodeFrame(encodeFrame({ labels: Buffer.from([3, 1, 4]) })) as { labels: unknown }
    expect(back.labels).toBeInstanceOf(Uint8Array)
    expect(back.labels).toEqual(new Uint8Array([3, 1, 4]))
  })

  it('refuse a truncated frame with a reason', () => {
    const frame = encodeFrame({ bytes: new Uint8Array(10) })
    expect(() => decodeFrame(frame.subarray(0, frame.length - 3))).toThrow(/runs past its end/)
    expect(() => decodeFrame(new Uint8Array(2))).toThrow(/shorter than its header/)
  })
})
