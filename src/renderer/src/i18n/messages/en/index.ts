/**
 * The English catalogue, one file per area so that each tab's texts live (and
 * change) in a file of their own. English is the source: every other language
 * is typed against it.
 */
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

export const en = {
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

export type Messages = typeof en
