import type { CliCommand } from '../context'
import { infoCommand } from './info'
import { datasetsCommand } from './datasets'
import { downloadCommand } from './download'
import { importCommand } from './import'
import { exploreCommand } from './explore'
import { trainCommand } from './train'
import { resumeCommand } from './resume'
import { lrFindCommand } from './lr-find'
import { tuneCommand } from './tune'
import { ensembleCommand } from './ensemble'
import { evaluateCommand } from './evaluate'
import { runsCommand } from './runs'
import { compareCommand } from './compare'
import { learningCurveCommand } from './learning-curve'
import { exportCommand } from './export'

export const commands: CliCommand[] = [
  infoCommand,
  datasetsCommand,
  downloadCommand,
  importCommand,
  exploreCommand,
  trainCommand,
  resumeCommand,
  lrFindCommand,
  tuneCommand,
  ensembleCommand,
  evaluateCommand,
  runsCommand,
  compareCommand,
  learningCurveCommand,
  exportCommand
]
