// `npm run lab -- <command>`: the headless CLI, building first if needed.
import { ensureBuild, runEntry } from './ensure-build.mjs'

ensureBuild()
runEntry('out/main/cli.js', process.argv.slice(2))
