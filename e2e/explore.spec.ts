import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

const fashionDir = '/usr/share/datasets/fashion-mnist'
const fashionClasses =
  'T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot'

function grid(page: Page) {
  return page.getByRole('list', { name: 'Sample digits' }).getByRole('img')
}

async function importFolder(page: Page, dir: string, name: string, classes = ''): Promise<void> {
  await page.getByText('Import a folder of IDX files…').click()
  const form = page.getByRole('region', { name: 'Import a dataset' })
  await form.getByRole('textbox', { name: 'Folder path' }).fill(dir)
  await form.getByRole('textbox', { name: 'Dataset name' }).fill(name)
  await form.getByRole('textbox', { name: /Class names/ }).fill(classes)
  await form.getByRole('button', { name: 'Import' }).click()
}

test('a first start offline shows the sample: facts, 25 labelled digits, histogram and the rest', async ({
  page,
  lab
}, testInfo) => {
  await page.goto(lab.url)
  const facts = page.getByRole('region', { name: 'Facts' })
  await expect(facts).toContainText('10,000 in all: 8,000 train, 2,000 test')
  await expect(facts).toContainText('28 × 28 = 784 values per image')
  await expect(facts).toContainText('uint8')
  await expect(facts).toContainText('0 to 255')

  await expect(grid(page)).toHaveCount(25)
  await expect(grid(page).first()).toHaveAccessibleName(/^Sample \d+: label \d$/)

  const histogram = page.getByRole('region', { name: 'Class histogram' })
  await expect(histogram.locator('canvas')).toBeVisible()
  await expect(histogram).toContainText(/imbalance ratio 1\.\d\d/)
  await expect(histogram).toContainText('Why it matters')

  // Enlarge a digit with the keyboard: its pixel values appear.
  await grid(page).nth(3).focus()
  await page.keyboard.press('Enter')
  const detail = page.getByRole('region', { name: 'Enlarged sample' })
  await expect(detail.getByRole('table')).toBeVisible()
  await expect(detail.getByRole('cell')).toHaveCount(784)

  // Paging and the class filter.
  const samples = page.getByRole('region', { name: 'Samples' })
  const first = await grid(page).first().getAttribute('aria-label')
  await samples.getByRole('button', { name: 'Next page' }).click()
  await expect(samples).toContainText('Page 2 of 320')
  await expect(grid(page).first()).not.toHaveAccessibleName(first ?? '')
  await samples.getByRole('combobox', { name: 'Class' }).selectOption({ label: '3: 3' })
  await expect(samples).toContainText('Page 1 of 34 · 826 images')
  for (const name of await grid(page).evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label'))
  )) {
    expect(name).toMatch(/: label 3$/)
  }

  // One-hot.
  const oneHot = page.getByRole('region', { name: 'One-hot labels' })
  await oneHot.getByRole('combobox', { name: 'Label to encode' }).selectOption('3')
  await expect(oneHot).toContainText('[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]')
  await expect(oneHot).toContainText('(10000, 10)')

  // Scaling to [-1, 1]: min and max after.
  const scaling = page.getByRole('region', { name: 'Scaling' })
  await scaling.getByRole('radio', { name: /\[−1, 1\]/ }).check()
  const after = scaling.getByRole('row', { name: /After/ })
  await expect(after).toContainText('-1')
  await expect(after.getByRole('cell').last()).toHaveText('1')
  await expect(
    scaling.getByRole('img', { name: /After pixel intensity histogram, from -1 to 1/ })
  ).toBeVisible()

  await expect(page.getByRole('img', { name: 'Per-pixel standard deviation map' })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Mean image of class/ })).toHaveCount(10)
  // The tab scrolls inside its panel: a tall window shows all of it at once.
  await page.setViewportSize({ width: 1280, height: 2200 })
  await page.screenshot({ path: testInfo.outputPath('explore.png') })
})

/** torchvision's `FashionMNIST/raw` from Debian's files: every part both as .gz and decompressed. */
function torchvisionFolder(): { root: string; raw: string } {
  const root = mkdtempSync(join(tmpdir(), 'mnist-lab-torchvision-'))
  const raw = join(root, 'FashionMNIST', 'raw')
  mkdirSync(raw, { recursive: true })
  for (const name of readdirSync(fashionDir)) {
    copyFileSync(join(fashionDir, name), join(raw, name))
    writeFileSync(
      join(raw, name.replace(/\.gz$/, '')),
      gunzipSync(readFileSync(join(fashionDir, name)))
    )
  }
  return { root, raw }
}

test("importing torchvision's FashionMNIST/raw folder shows 60,000/10,000 samples and 6,000/1,000 per class", async ({
  page,
  lab
}, testInfo) => {
  const folder = torchvisionFolder()
  await page.goto(lab.url)
  await expect(grid(page)).toHaveCount(25)
  try {
    await importFolder(page, folder.raw, 'Fashion local', fashionClasses)
    await expect(page.getByRole('region', { name: 'Facts' })).toContainText('60,000 train', {
      timeout: 60_000
    })
  } finally {
    rmSync(folder.root, { recursive: true, force: true })
  }

  const facts = page.getByRole('region', { name: 'Facts' })
  await expect(facts).toContainText('70,000 in all: 60,000 train, 10,000 test', { timeout: 60_000 })
  await expect(facts).toContainText('Ankle boot')
  await expect(page.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue(
    'fashion-local'
  )
  const histogram = page.getByRole('region', { name: 'Class histogram' })
  await expect(histogram).toContainText('Train: 6,000 per class; imbalance ratio 1.00')
  await expect(histogram).toContainText('Test: 1,000 per class; imbalance ratio 1.00')
  await expect(grid(page).first()).toHaveAccessibleName(/^Sample \d+: label \d \(.+\)$/)
  await expect(page.getByRole('region', { name: 'One-hot labels' })).toContainText('(70000, 10)')
  // Dark theme, for a look at the colours.
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.setViewportSize({ width: 1280, height: 2200 })
  await page.screenshot({ path: testInfo.outputPath('explore-dark.png') })
})

test('a corrupt folder shows the error and keeps the previous dataset', async ({ page, lab }) => {
  const dir = mkdtempSync(join(tmpdir(), 'mnist-lab-corrupt-'))
  try {
    for (const file of [
      'train-labels-idx1-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz'
    ]) {
      copyFileSync(join(fashionDir, file), join(dir, file))
    }
    // Right name, wrong content: not an IDX file at all.
    writeFileSync(join(dir, 'train-images-idx3-ubyte'), Buffer.from('this is not an image file'))

    await page.goto(lab.url)
    const facts = page.getByRole('region', { name: 'Facts' })
    await expect(facts).toContainText('8,000 train')
    await importFolder(page, dir, 'Broken')

    const form = page.getByRole('region', { name: 'Import a dataset' })
    await expect(form.getByRole('alert')).toContainText('Import failed')
    await expect(form.getByRole('alert')).toContainText('train-images')
    await expect(page.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue(
      'mnist-sample'
    )
    await expect(facts).toContainText('8,000 train')
    await expect(grid(page)).toHaveCount(25)
    const list = await lab.request<Array<{ id: string }>>('datasets.list', {})
    expect(list.map((d) => d.id)).not.toContain('broken')

    // Offline, a download fails with a clear message and the sample stays selected.
    await page.getByRole('button', { name: /^Download MNIST/ }).click()
    await expect(
      page.getByRole('alert').filter({ hasText: 'Cannot reach the download servers' })
    ).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue(
      'mnist-sample'
    )
    await expect(page.getByRole('button', { name: /^Download MNIST/ })).toBeEnabled()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
