import { LabError } from '../../../../shared/contract'
import type { EngineHandlers } from '../context'

const notYet = (): never => {
  throw new LabError('unsupported', 'Evaluation is not built yet.')
}

export const evaluateHandlers: EngineHandlers<'evaluate.run' | 'evaluate.cell' | 'predict.image'> = {
  'evaluate.run': async () => notYet(),
  'evaluate.cell': async () => notYet(),
  'predict.image': async () => notYet()
}
