import { describe, expect, it } from 'vitest'
import { LabError } from '../../../shared/contract'
import {
  cachedPick,
  emptyAutoCache,
  machineKey,
  parseAutoCache,
  pickFastest,
  withPick,
  type Measurement
} from './choice'

const at = { measuredAt: '2026-11-30T10:00:00.000Z' }
const machine = machineKey({
  platform: 'linux',
  arch: 'x64',
  cpuModel: 'Some CPU',
  cpus: 2,
  allowSoftware: false
})

describe('pickFastest', () => {
  it('picks the CPU over a GPU that is slower on a small MLP, and says why for each', () => {
    const measured: Measurement[] = [
      { backend: 'webgpu', msPerStep: 12 },
      { backend: 'webgl', msPerStep: 20 },
      { backend: 'tensorflow', unavailable: '@tensorflow/tfjs-node is not installed.' },
      { backend: 'wasm', msPerStep: 4 },
      { backend: 'cpu', msPerStep: 30 }
    ]
    const pick = pickFastest('mlp', measured, { allowSoftware: false, ...at })
    expect(pick.backend).toBe('wasm')
    const reasons = Object.fromEntries(pick.candidates.map((c) => [c.backend, c.reason]))
    expect(reasons.wasm).toBe('Fastest: 4.0 ms per step, of 4 measured.')
    expect(reasons.webgpu).toBe('Slower: 12 ms per step, 3.0× the 4.0 ms of wasm.')
    expect(reasons.tensorflow).toBe('Not available: @tensorflow/tfjs-node is not installed.')
    expect(reasons['tensorflow-gpu']).toMatch(/opt-in only/)
    expect(pick.candidates.filter((c) => c.chosen).map((c) => c.backend)).toEqual(['wasm'])
  })

  it('names the catalogue message of every reason, its times as plain numbers', () => {
    const measured: Measurement[] = [
      { backend: 'webgpu', msPerStep: 12 },
      {
        backend: 'webgl',
        unavailable: 'No answer within 15 s.',
        unavailableText: { key: 'backend.auto.unavailable.noAnswer', params: { seconds: 15 } }
      },
      { backend: 'tensorflow', unavailable: '@tensorflow/tfjs-node failed to load: bad ELF' },
      { backend: 'wasm', msPerStep: 4 }
    ]
    const pick = pickFastest('mlp', measured, { allowSoftware: false, ...at })
    const byBackend = Object.fromEntries(pick.candidates.map((c) => [c.backend, c]))
    expect(byBackend.wasm?.reasonText).toEqual({
      key: 'backend.auto.reason.fastest',
      params: { ms: 4, measured: 2 }
    })
    expect(byBackend.webgpu?.reasonText).toEqual({
      key: 'backend.auto.reason.slower',
      params: { ms: 12, ratio: 3, winnerMs: 4, winner: 'wasm' }
    })
    // The lab's own why names its message; a library's words stand as they are.
    expect(byBackend.webgl).toMatchObject({
      reason: 'Not available: No answer within 15 s.',
      reasonText: {
        key: 'backend.auto.reason.unavailable',
        params: { why: { key: 'backend.auto.unavailable.noAnswer', params: { seconds: 15 } } }
      }
    })
    expect(byBackend.tensorflow?.reasonText).toEqual({
      key: 'backend.auto.reason.unavailable',
      params: { why: '@tensorflow/tfjs-node failed to load: bad ELF' }
    })
    expect(byBackend.cpu?.reasonText).toEqual({ key: 'backend.auto.reason.notMeasured' })
    expect(byBackend['tensorflow-gpu']?.reasonText).toEqual({ key: 'backend.auto.reason.optIn' })
  })

  it('has messages of their own for the only backend that ran and for software adapters', () => {
    const only = pickFastest('cnn', [{ backend: 'cpu', msPerStep: 80 }], {
      allowSoftware: false,
      ...at
    })
    expect(only.candidates.find((c) => c.chosen)?.reasonText).toEqual({
      key: 'backend.auto.reason.onlyOne',
      params: { ms: 80 }
    })
    const measured: Measurement[] = [
      { backend: 'webgl', msPerStep: 1, software: true },
      { backend: 'webgpu', msPerStep: 2, software: true },
      { backend: 'cpu', msPerStep: 9 }
    ]
    const strict = pickFastest('mlp', measured, { allowSoftware: false, ...at })
    expect(strict.candidates.find((c) => c.backend === 'webgl')?.reasonText).toEqual({
      key: 'backend.auto.reason.softwareNotAllowed',
      params: { ms: 1 }
    })
    const allowed = pickFastest('mlp', measured, { allowSoftware: true, ...at })
    const text = (backend: string) =>
      allowed.candidates.find((c) => c.backend === backend)?.reasonText
    expect(text('webgl')).toEqual({
      key: 'backend.auto.reason.fastestSoftware',
      params: { ms: 1, measured: 3 }
    })
    expect(text('webgpu')).toEqual({
      key: 'backend.auto.reason.slowerSoftware',
      params: { ms: 2, ratio: 2, winnerMs: 1, winner: 'webgl' }
    })
  })

  it('picks a real GPU when it is fastest, and breaks ties in the order best first', () => {
    const gpu = pickFastest(
      'cnn',
      [
        { backend: 'webgpu', msPerStep: 5 },
        { backend: 'wasm', msPerStep: 50 }
      ],
      { allowSoftware: false, ...at }
    )
    expect(gpu.backend).toBe('webgpu')
    const tie = pickFastest(
      'mlp',
      [
        { backend: 'cpu', msPerStep: 7 },
        { backend: 'wasm', msPerStep: 7 }
      ],
      { allowSoftware: false, ...at }
    )
    expect(tie.backend).toBe('wasm')
  })

  it('never picks a software adapter unless software is allowed', () => {
    const measured: Measurement[] = [
      { backend: 'webgl', msPerStep: 1, software: true },
      { backend: 'cpu', msPerStep: 9 }
    ]
    const strict = pickFastest('mlp', measured, { allowSoftware: false, ...at })
    expect(strict.backend).toBe('cpu')
    expect(strict.candidates.find((c) => c.backend === 'webgl')?.reason).toMatch(
      /Software adapter, .*never picks one unless software is allowed/
    )
    const allowed = pickFastest('mlp', measured, { allowSoftware: true, ...at })
    expect(allowed.backend).toBe('webgl')
    expect(allowed.candidates.find((c) => c.chosen)?.reason).toMatch(/on a software adapter/)
  })

  it('says why when nothing could be timed', () => {
    expect(() =>
      pickFastest(
        'mlp',
        [
          { backend: 'wasm', unavailable: 'no binaries' },
          { backend: 'webgpu', msPerStep: 2, software: true }
        ],
        { allowSoftware: false, ...at }
      )
    ).toThrow(/could not time any backend \(wasm: no binaries; webgpu: software adapter\)/)
    const thrown = (() => {
      try {
        pickFastest('mlp', [{ backend: 'cpu', unavailable: 'no' }], { allowSoftware: false, ...at })
      } catch (error) {
        return error
      }
    })()
    expect(thrown).toBeInstanceOf(LabError)
    expect((thrown as LabError).text).toEqual({
      key: 'backend.errors.autoTimedNone',
      params: { backends: 'cpu' }
    })
  })
})

describe('the auto cache', () => {
  it('keeps one pick per model kind and machine, and survives a round trip through JSON', () => {
    const mlp = pickFastest('mlp', [{ backend: 'wasm', msPerStep: 3 }], {
      allowSoftware: false,
      ...at
    })
    const cnn = pickFastest('cnn', [{ backend: 'cpu', msPerStep: 80 }], {
      allowSoftware: false,
      ...at
    })
    const cache = parseAutoCache(
      JSON.stringify(withPick(withPick(emptyAutoCache(), machine, mlp), machine, cnn))
    )
    expect(cachedPick(cache, machine, 'mlp')?.backend).toBe('wasm')
    expect(cachedPick(cache, machine, 'cnn')?.backend).toBe('cpu')
    const other = machineKey({
      platform: 'linux',
      arch: 'x64',
      cpuModel: 'Some CPU',
      cpus: 2,
      allowSoftware: true
    })
    expect(cachedPick(cache, other, 'mlp')).toBeNull()
  })

  it('treats a missing or damaged file as empty: it only costs a new measurement', () => {
    expect(parseAutoCache(null)).toEqual(emptyAutoCache())
    // Picks cached before the catalogue worded them are measured again.
    const unworded = { modelKind: 'mlp', backend: 'cpu', measuredAt: at.measuredAt }
    const candidate = { backend: 'cpu', msPerStep: 3, chosen: true, reason: 'Fastest.' }
    const old = { ...unworded, candidates: [candidate] }
    expect(
      parseAutoCache(JSON.stringify({ version: 1, machines: { [machine]: { mlp: old } } }))
    ).toEqual(emptyAutoCache())
    expect(parseAutoCache('{not json')).toEqual(emptyAutoCache())
    expect(parseAutoCache('{"version":2,"machines":{}}')).toEqual(emptyAutoCache())
  })
})
