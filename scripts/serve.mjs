// `npm run serve -- [--port N] [--host H] [--home DIR]`: web mode, building first if needed.
import { ensureBuild, runEntry } from './ensure-build.mjs'

ensureBuild()
runEntry('out/main/server.js', process.argv.slice(2))
