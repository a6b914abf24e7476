import { LabError } from '../../../../shared/contract'
import type { EngineHandlers } from '../context'

const notYet = (): never => {
  throw new LabError('unsupported', 'Training is not built yet.')
}

export const trainingHandlers: EngineHandlers<
  'train.start' | 'train.pause' | 'train.resume' | 'train.stop'
> = {
  'train.start': async () => notYet(),
  'train.pause': async () => notYet(),
  'train.resume': async () => notYet(),
  'train.stop': async () => notYet()
}
