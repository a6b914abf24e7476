import type { CliCommand } from '../context'
import { infoCommand } from './info'

export const commands: CliCommand[] = [infoCommand]
