// `npm run serve -- [--port N] [--host H] [--home DIR]`: web mode, building first if needed.
import { completeNativeInstalls } from './deferred-install.mjs'
import { ensureBuild, runEntry } from './ensure-build.mjs'

ensureBuild()
completeNativeInstalls()
runEntry('out/main/server.js', process.argv.slice(2))
