import type en from '../en/runs'
import type { Catalogue } from '../catalogue'

const runs: Catalogue<typeof en> = {
  actions: {
    exportSafetensors: 'Gewichte für PyTorch exportieren (.safetensors)'
  }
}

export default runs
