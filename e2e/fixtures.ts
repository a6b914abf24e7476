import { test as base, expect } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { missingKeyWarning } from '../src/shared/i18n-warnings'

export interface LabServer {
  url: string
  home: string
  /** The server's process: its children are the lab's engines. */
  pid: number
  /** Asks the running server a question over its own socket, as the page does. */
  request<T>(name: string, params: unknown): Promise<T>
}

const root = join(__dirname, '..')

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /serving at (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
}

async function ask<T>(url: string, name: string, params: unknown): Promise<T> {
  const socket = new WebSocket(url.replace(/^http/, 'ws').replace(/\/(\?|$)/, '/lab$1'))
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    return await new Promise<T>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as {
          id?: number
          response?: { ok: boolean; value?: T; error?: { message: string } }
        }
        if (message.id !== 1 || !message.response) return
        if (message.response.ok) resolve(message.response.value as T)
        else reject(new Error(message.response.error?.message))
      })
      socket.send(JSON.stringify({ id: 1, name, params }))
    })
  } finally {
    socket.close()
  }
}

/**
 * A fresh web-mode server per test: real LabHost, real engine, empty data folder.
 * Every page fails its test if it asks the catalogue for a message it lacks.
 */
export const test = base.extend<{ lab: LabServer; homeDir: string; serverArgs: string[] }>({
  /** Extra command-line options for `serve`, e.g. a local --mirror. */
  serverArgs: [[], { option: true }],
  // Playwright reads a fixture's dependencies from its first parameter: none here.
  // eslint-disable-next-line no-empty-pattern
  homeDir: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'mnist-lab-e2e-'))
    await use(home)
    rmSync(home, { recursive: true, force: true })
  },
  page: async ({ page }, use) => {
    const missing: string[] = []
    page.on('console', (message) => {
      if (message.text().includes(missingKeyWarning)) missing.push(message.text())
    })
    await use(page)
    expect(missing, 'messages missing from the catalogue').toEqual([])
  },
  lab: async ({ homeDir, serverArgs }, use) => {
    const child = spawn(
      process.execPath,
      [
        join(root, process.env.LAB_OUT_DIR ?? 'out', 'main/server.js'),
        '--port',
        '0',
        '--home',
        homeDir,
        ...serverArgs
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    try {
      const url = await waitForUrl(child)
      await use({
        url,
        home: homeDir,
        pid: child.pid!,
        request: (name, params) => ask(url, name, params)
      })
    } finally {
      // A server that never started may have exited already: then there is nothing to wait for.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
    }
  }
})

export { expect }
