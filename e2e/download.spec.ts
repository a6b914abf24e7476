import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect } from './fixtures'
import { fashionMnistDir, startLocalMirror, type LocalMirror } from './local-mirror'

/** Each test gets a local mirror of Fashion-MNIST, named to the server with --mirror. */
function withMirror(bytesPerSecond: number): typeof base {
  return base.extend<{ mirror: LocalMirror }>({
    // eslint-disable-next-line no-empty-pattern
    mirror: async ({}, use) => {
      const mirror = await startLocalMirror(fashionMnistDir, bytesPerSecond)
      await use(mirror)
      await mirror.close()
    },
    serverArgs: async ({ mirror }, use) => use(['--mirror', mirror.url])
  })
}

const fast = withMirror(40 * 1024 * 1024)
const slow = withMirror(256 * 1024)

fast(
  'downloading Fashion-MNIST shows progress, verifies it and makes it explorable',
  async ({ page, lab }) => {
    await page.goto(lab.url)
    await page.getByRole('button', { name: /Download Fashion-MNIST/ }).click()
    await expect(page.getByText(/Downloading Fashion-MNIST/)).toBeVisible()

    await expect(page.getByRole('button', { name: /Download Fashion-MNIST/ })).toBeHidden({
      timeout: 60_000
    })
    await page.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption('fashion-mnist')
    await expect(page.getByText('70,000 in all: 60,000 train, 10,000 test')).toBeVisible()
    // The cache holds the dataset and nothing half-written beside it.
    expect(readdirSync(join(lab.home, 'datasets')).filter((n) => n.startsWith('.'))).toEqual([])
  }
)

slow(
  'a cancelled download leaves nothing in the cache and the sample still works',
  async ({ page, lab }) => {
    await page.goto(lab.url)
    await page.getByRole('button', { name: /Download Fashion-MNIST/ }).click()
    const progress = page.getByRole('progressbar', { name: 'Downloading Fashion-MNIST' })
    await expect(progress).toBeVisible()
    await expect(page.getByText(/ of 30\.\d MB \(\d+%\)/)).toBeVisible()

    await page.getByRole('button', { name: 'Cancel download' }).click()
    await expect(progress).toBeHidden()
    await expect(page.getByRole('button', { name: /Download Fashion-MNIST/ })).toBeVisible()
    expect(existsSync(join(lab.home, 'datasets', 'fashion-mnist'))).toBe(false)
    expect(readdirSync(join(lab.home, 'datasets')).filter((n) => n.startsWith('.'))).toEqual([])
    await expect(page.getByText('10,000 in all: 8,000 train, 2,000 test')).toBeVisible()
  }
)
