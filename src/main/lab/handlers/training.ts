import { LabError } from '../../../shared/contract'
import type { HostHandlers } from '../context'

const notYet = (): never => {
  throw new LabError('unsupported', 'Training is not built yet.')
}

export const trainingHandlers: HostHandlers<
  'train.start' | 'train.pause' | 'train.resume' | 'train.stop' | 'runs.resume'
> = {
  'train.start': async () => notYet(),
  'train.pause': async () => notYet(),
  'train.resume': async () => notYet(),
  'train.stop': async () => notYet(),
  'runs.resume': async () => notYet()
}
