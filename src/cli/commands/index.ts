import type { CliCommand } from '../context'
import { infoCommand } from './info'
import { datasetsCommand } from './datasets'
import { downloadCommand } from './download'
import { importCommand } from './import'
import { exploreCommand } from './explore'
import { trainCommand } from './train'

export const commands: CliCommand[] = [
  infoCommand,
  datasetsCommand,
  downloadCommand,
  importCommand,
  exploreCommand,
  trainCommand
]
