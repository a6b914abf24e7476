import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the real app: the built renderer and the real engine,
 * served by web mode, in Debian's Chromium. Each test starts its own server
 * with a fresh data folder (see e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    },
    viewport: { width: 1280, height: 860 },
    // The lab follows the browser's language: pin it, so specs know which words to look for.
    locale: 'en-US',
    trace: 'off'
  }
})
