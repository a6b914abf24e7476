// `npm test` step: the README's first command on a fresh clone, with no environment variables
// that would help it (no ELECTRON_SKIP_BINARY_DOWNLOAD, no npm_config_*). Where Electron's binary
// cannot be downloaded (as on CI) this proves the fallback; where it can, that Electron starts.
//
// It clones the committed HEAD (uncommitted edits are not tested), installs from the npm
// registry through the local npm cache, runs `npm start` and checks that the lab is served:
// the page, its favicon, and one request answered by the engine over the WebSocket.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { root } from './ensure-build.mjs'

const installMinutes = 15
const startMinutes = 10

function fail(message) {
  console.error(`FAIL fresh clone: ${message}`)
  process.exitCode = 1
}

/** The environment of a user's shell: without the variables CI or npm set for this run. */
function plainEnvironment(home) {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|ELECTRON_|MNIST_LAB_|INIT_CWD$|NODE_ENV$)/i.test(key)) continue
    env[key] = value
  }
  // No window may open from a test; `--home` keeps the user's data folder untouched.
  return { ...env, BROWSER: 'none', MNIST_LAB_HOME: home }
}

function waitForUrl(child, output) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL after ${startMinutes} minutes`)),
      startMinutes * 60_000
    )
    const look = (chunk) => {
      output.text += chunk.toString()
      const match = /serving at (\S+)/.exec(output.text)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', look)
    child.stderr.on('data', look)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited with code ${code}`))
    })
  })
}

function askEngine(url) {
  const socket = new WebSocket(url.replace(/^http/, 'ws').replace(/\/(\?|$)/, '/lab$1'))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer over the WebSocket')), 120_000)
    socket.once('error', reject)
    socket.once('open', () =>
      socket.send(JSON.stringify({ id: 1, name: 'system.info', params: {} }))
    )
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString())
      if (message.id !== 1 || !message.response) return
      clearTimeout(timer)
      socket.close()
      resolve(message.response)
    })
  })
}

const dir = mkdtempSync(join(tmpdir(), 'mnist-lab-fresh-clone-'))
const clone = join(dir, 'clone')
const env = plainEnvironment(join(dir, 'home'))
let server = null
try {
  execFileSync('git', ['clone', '--quiet', root, clone], { stdio: 'inherit' })
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: clone,
    encoding: 'utf8'
  })
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: root,
    encoding: 'utf8'
  })
  console.log(
    `fresh clone of ${commit.trim()}${dirty ? ' (uncommitted edits are not part of it)' : ''}`
  )

  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: clone,
    env,
    encoding: 'utf8',
    timeout: installMinutes * 60_000,
    shell: process.platform === 'win32'
  })
  if (install.status !== 0) {
    throw new Error(
      `npm install failed (${install.error?.message ?? `exit ${install.status}`}):\n${install.stderr}`
    )
  }
  console.log('ok   npm install')

  // Its own process group, so that stopping it stops the server and engine it starts.
  server = spawn('npm', ['start', '--', '--port', '0'], { cwd: clone, env, detached: true })
  const output = { text: '' }
  const url = await waitForUrl(server, output).catch((error) => {
    throw new Error(`${error.message}; npm start printed:\n${output.text}`)
  })
  console.log(`ok   npm start serves ${url}`)
  if (/RequestError|failed to install correctly|^\s+at /m.test(output.text)) {
    fail(`npm start passed on Electron's own error:\n${output.text}`)
  }
  const notice = output.text
    .split('\n')
    .filter((l) => /serving the lab to your browser instead/.test(l))
  if (notice.length !== 1)
    fail(`expected one line saying why Electron did not start:\n${output.text}`)
  else console.log(`ok   it says why in one line: ${notice[0]}`)

  const page = await fetch(url)
  const html = await page.text()
  if (page.status !== 200 || !html.includes('<title>MNIST Lab</title>')) {
    fail(`GET / answered ${page.status} without the lab's page`)
  }
  const icon = /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1]
  const iconResponse = icon ? await fetch(new URL(icon, url)) : null
  if (iconResponse?.status !== 200 || iconResponse.headers.get('content-type') !== 'image/png') {
    fail(`the favicon ${icon ?? '(no <link rel="icon">)'} answered ${iconResponse?.status}`)
  } else console.log('ok   favicon answers 200')
  const answer = await askEngine(url)
  if (!answer.ok || typeof answer.value.engine?.pid !== 'number') {
    fail(`system.info over the WebSocket answered ${JSON.stringify(answer).slice(0, 300)}`)
  } else console.log(`ok   the engine answers over the WebSocket (backend ${answer.value.backend})`)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
} finally {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    await new Promise((resolve) =>
      server.exitCode === null ? server.once('exit', resolve) : resolve()
    )
  }
  rmSync(dir, { recursive: true, force: true })
}
