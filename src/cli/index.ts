import { parseArgs } from 'node:util'
import { backendChoiceSchema, toErrorInfo } from '../shared/contract'
import { createNodeHost } from '../main/lab/node-launch'
import { parseMirror } from '../main/lab/mirrors'
import { resolveHome } from '../main/lab/paths'
import { commands } from './commands'
import { makeContext } from './context'
import { UsageError, type OptionValues } from './options'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Usage: npm run lab -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json (machine-readable lines on stdout), --home DIR,',
    '--backend auto|webgpu|webgl|tensorflow-gpu|tensorflow|wasm|cpu and --mirror URL (a folder',
    'with the dataset .gz files, tried before the published mirrors). webgpu and webgl run in',
    'headless Chromium; --allow-software-gpu (or MNIST_LAB_ALLOW_SOFTWARE_GPU=1) lets a software',
    'adapter such as SwiftShader stand in for a GPU (tests: it is slow).'
  ].join('\n')
}

/** Says what is wrong with the command line (never a stack trace); returns exit code 2. */
function usageFailure(command: string, error: unknown, usage?: string): number {
  console.error(`lab ${command}: ${error instanceof Error ? error.message : String(error)}`)
  if (usage) console.error(`Usage: ${usage}`)
  return 2
}

/** Exit codes: 0 done, 1 the lab refused or failed, 2 the command line was wrong. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === 'help') {
    console.log(help())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    console.error(`lab: unknown command "${name}".\n\n${help()}`)
    return 2
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        ...command.options,
        json: { type: 'boolean', default: false },
        home: { type: 'string' },
        backend: { type: 'string' },
        'allow-software-gpu': { type: 'boolean', default: false },
        mirror: { type: 'string', multiple: true }
      }
    })
  } catch (error) {
    return usageFailure(name, error, command.usage)
  }
  const values = parsed.values as OptionValues
  const backend = backendChoiceSchema.safeParse(values.backend ?? 'auto')
  if (!backend.success) {
    return usageFailure(name, `--backend must be one of ${backendChoiceSchema.options.join(', ')}.`)
  }
  let mirrors: string[]
  try {
    mirrors = ((parsed.values.mirror as string[] | undefined) ?? []).map(parseMirror)
  } catch (error) {
    return usageFailure(name, error)
  }
  const host = createNodeHost({
    home: resolveHome(typeof values.home === 'string' ? values.home : undefined),
    backend: backend.data,
    mirrors,
    bundleDir: __dirname,
    allowSoftwareGpu: values['allow-software-gpu'] === true
  })
  const json = values.json === true
  try {
    await command.run(makeContext(host, json), values, parsed.positionals)
    return 0
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(name, error, command.usage)
    const info = toErrorInfo(error)
    if (json) process.stderr.write(JSON.stringify({ error: info }) + '\n')
    else process.stderr.write(`lab ${name}: ${info.message}\n`)
    return 1
  } finally {
    await host.stop()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`lab: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
