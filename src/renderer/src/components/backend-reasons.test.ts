import { afterEach, describe, expect, it } from 'vitest'
import type { AutoCandidate } from '../../../shared/contract'
import { setLocale } from '../i18n'
import { catalogueText } from '../i18n/catalogue-text'
import { attemptReason } from './backend-reasons'

afterEach(() => setLocale('en'))

/** What main's pickFastest (auto-backend/choice.ts) sends for wasm 4.25 ms, webgl 12.5 ms and two unavailable. */
const pick: { candidates: AutoCandidate[] } = {
  candidates: [
    {
      backend: 'webgpu',
      chosen: false,
      reason: 'Not available: This lab was started without a GPU engine.',
      reasonText: {
        key: 'backend.auto.reason.unavailable',
        params: { why: { key: 'gpu.errors.noGpuEngine' } }
      }
    },
    {
      backend: 'webgl',
      msPerStep: 12.5,
      chosen: false,
      reason: 'Slower: 13 ms per step, 2.9× the 4.3 ms of wasm.',
      reasonText: {
        key: 'backend.auto.reason.slower',
        params: { ms: 12.5, ratio: 12.5 / 4.25, winnerMs: 4.25, winner: 'wasm' }
      }
    },
    {
      backend: 'tensorflow',
      chosen: false,
      reason: 'Not available: @tensorflow/tfjs-node failed to load: bad ELF',
      reasonText: {
        key: 'backend.auto.reason.unavailable',
        params: { why: '@tensorflow/tfjs-node failed to load: bad ELF' }
      }
    },
    {
      backend: 'wasm',
      msPerStep: 4.25,
      chosen: true,
      reason: 'Fastest: 4.3 ms per step, of 2 measured.',
      reasonText: { key: 'backend.auto.reason.fastest', params: { ms: 4.25, measured: 2 } }
    },
    {
      backend: 'cpu',
      chosen: false,
      reason: 'Not measured.',
      reasonText: { key: 'backend.auto.reason.notMeasured' }
    },
    {
      backend: 'tensorflow-gpu',
      chosen: false,
      reason: 'Never tried by auto: opt-in only.',
      reasonText: { key: 'backend.auto.reason.optIn' }
    }
  ]
}
const reason = (backend: string): string =>
  catalogueText(pick.candidates.find((c) => c.backend === backend)!.reasonText)

describe("auto's reasons in the chosen language", () => {
  it('words it in English, the times as the locale writes them', () => {
    expect(reason('wasm')).toBe('Fastest: 4.25 ms per step, of 2 measured.')
    expect(reason('webgl')).toBe('Slower: 12.5 ms per step, 2.94× the 4.25 ms of wasm.')
    expect(reason('webgpu')).toBe('Not available: This lab was started without a GPU engine.')
  })

  it("says it in German, the lab's own why too; a library's words stay as they are", () => {
    setLocale('de')
    expect(reason('wasm')).toBe('Am schnellsten: 4,25 ms pro Schritt, von 2 gemessenen.')
    expect(reason('webgl')).toBe(
      'Langsamer: 12,5 ms pro Schritt, das 2,94-Fache der 4,25 ms von wasm.'
    )
    expect(reason('webgpu')).toBe('Nicht verfügbar: Dieses Lab wurde ohne GPU-Engine gestartet.')
    expect(reason('tensorflow')).toBe(
      'Nicht verfügbar: @tensorflow/tfjs-node failed to load: bad ELF'
    )
    expect(reason('cpu')).toBe('Nicht gemessen.')
    expect(reason('tensorflow-gpu')).toMatch(
      /^Von auto nie versucht: nur auf ausdrücklichen Wunsch/
    )
  })
})

describe('why a backend did not load, in the chosen language', () => {
  const attempt = {
    backend: 'tensorflow' as const,
    loaded: false,
    reason: '@tensorflow/tfjs-node is not installed (…).',
    reasonText: {
      key: 'backend.attempt.notInstalled',
      params: { packageName: '@tensorflow/tfjs-node' }
    }
  }

  it('words it from the catalogue, with the package named as it is', () => {
    setLocale('de')
    expect(attemptReason(attempt)).toMatch(/^@tensorflow\/tfjs-node ist nicht installiert/)
  })

  it('keeps the English of an attempt without catalogue words, and has none for the one that loaded', () => {
    expect(attemptReason({ backend: 'cpu', loaded: false, reason: 'Old words.' })).toBe(
      'Old words.'
    )
    expect(attemptReason({ backend: 'wasm', loaded: true })).toBeNull()
  })
})
