import type { RequestName } from '../../../shared/contract'
import type { HostHandlers } from '../context'
import { datasetHandlers } from './datasets'
import { evaluateHandlers } from './evaluate'
import { runHandlers } from './runs'
import { systemHandlers } from './system'
import { trainingHandlers } from './training'
import { tuneHandlers } from './tune'
import { searchHandlers } from './search'
import { compareHandlers } from './compare'
import { learningCurveHandlers } from './learning-curve'

/** Every request has exactly one handler; the compiler checks none is missing. */
export const allHandlers: HostHandlers<RequestName> = {
  ...systemHandlers,
  ...datasetHandlers,
  ...trainingHandlers,
  ...runHandlers,
  ...evaluateHandlers,
  ...tuneHandlers,
  ...searchHandlers,
  ...compareHandlers,
  ...learningCurveHandlers
}
