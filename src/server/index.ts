import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { createNodeHost } from '../main/lab/node-launch'
import { parseMirror } from '../main/lab/mirrors'
import { resolveHome } from '../main/lab/paths'
import { openBrowser } from './open-browser'
import { startLabServer } from './server'

const usage = `Usage: npm run serve -- [--port N] [--host H] [--home DIR] [--open]

  --port   port to listen on (default 8720; 0 picks a free one)
  --host   address to bind (default 127.0.0.1). Any other address needs the
           token printed in the URL.
  --home   where datasets and runs live (default $MNIST_LAB_HOME or ~/.mnist-lab)
  --mirror a folder URL holding the dataset .gz files, tried before the
           published mirrors (repeatable)
  --open   open the URL in the default browser, where there is one
  --allow-software-gpu
           let a software adapter (SwiftShader) stand in for a GPU in the
           GPU engine (webgpu, webgl; also MNIST_LAB_ALLOW_SOFTWARE_GPU=1)`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8720' },
      host: { type: 'string', default: '127.0.0.1' },
      home: { type: 'string' },
      mirror: { type: 'string', multiple: true, default: [] },
      open: { type: 'boolean', default: false },
      'allow-software-gpu': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`)
  }
  const host = createNodeHost({
    home: resolveHome(values.home),
    mirrors: values.mirror.map(parseMirror),
    bundleDir: __dirname,
    allowSoftwareGpu: values['allow-software-gpu']
  })
  await host.start()
  const server = await startLabServer({
    host,
    staticDir: join(__dirname, '../renderer'),
    bindHost: values.host,
    port
  })
  console.log(`MNIST Lab is serving at ${server.url}`)
  console.log(`Data lives in ${host.context.paths.home}`)
  // No Chromium: say so, and carry on with the Node engine.
  if (host.context.gpu.unavailable) console.log(host.context.gpu.unavailable)
  if (values.open && openBrowser(server.url)) console.log('Opened it in your default browser.')
  const shutdown = (): void => {
    void server
      .close()
      .then(() => host.stop())
      .finally(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(`mnist-lab serve: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
