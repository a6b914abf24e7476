// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import LayerDiagnosticsTable from './LayerDiagnosticsTable.vue'
import { i18n, setLocale } from '../../i18n'
import type { LayerDiagnostics } from '../../../../shared/contract'

afterEach(() => setLocale('en'))

const layer = (name: string, deadShare: number, gradientNorm: number): LayerDiagnostics => ({
  layer: name,
  activationMean: 0.4,
  activationSpread: 0.2,
  deadShare,
  gradientNorm
})

function warnings(layers: LayerDiagnostics[]): string[] {
  const table = mount(LayerDiagnosticsTable, { props: { layers }, global: { plugins: [i18n] } })
  return table.findAll('[role="alert"] li').map((item) => item.text())
}

describe('the per-layer warnings', () => {
  it('name a dead layer and a vanishing gradient in the chosen language, numbers as it writes them', () => {
    const layers = [layer('dense 1', 0.63, 2.5e-6), layer('dense 2', 0.1, 0.5)]
    setLocale('de')
    expect(warnings(layers)).toEqual([
      'dense 1: 63\u00a0% der Einheiten feuern auf diesem Batch nie (tote ReLUs). Senken Sie die Lernrate oder prüfen Sie die Skalierung der Eingaben und die Initialisierung.',
      expect.stringMatching(/^dense 1: Der Gradient \(Norm 2,5E-6\) ist neben dem größten \(5E-1\)/)
    ])
    setLocale('en')
    expect(warnings(layers)[0]).toMatch(/^dense 1: 63% of its units never fire/)
  })

  it('stay away for a healthy model', () => {
    const table = mount(LayerDiagnosticsTable, {
      props: { layers: [layer('dense 1', 0.1, 0.2), layer('dense 2', 0, 0.5)] },
      global: { plugins: [i18n] }
    })
    expect(table.find('[role="alert"]').exists()).toBe(false)
    expect(table.text()).toContain('No warnings: every layer is alive and learning.')
  })
})
