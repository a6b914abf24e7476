/** The German catalogue: the compiler holds it to exactly the English keys. */
import type { Messages } from '../en'
import type { Catalogue } from '../catalogue'
import common from './common'
import errors from './errors'
import explore from './explore'
import train from './train'
import evaluate from './evaluate'
import overfit from './overfit'
import regularize from './regularize'
import tune from './tune'
import runs from './runs'
import report from './report'
import gpu from './gpu'
import backend from './backend'

export const de: Catalogue<Messages> = {
  common,
  errors,
  explore,
  train,
  evaluate,
  overfit,
  regularize,
  tune,
  runs,
  report,
  gpu,
  backend
}
