// `npm run lab -- <command>`: the headless CLI, building first if needed.
import { completeNativeInstalls } from './deferred-install.mjs'
import { ensureBuild, runEntry } from './ensure-build.mjs'

ensureBuild()
completeNativeInstalls()
runEntry('out/main/cli.js', process.argv.slice(2))
