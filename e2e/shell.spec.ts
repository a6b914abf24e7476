import { test, expect } from './fixtures'

const tabs = ['Explore', 'Train', 'Evaluate', 'Overfit', 'Regularize', 'Tune', 'Runs']

test('the app opens with the seven recipe tabs and a backend badge from the engine', async ({
  page,
  lab
}) => {
  await page.goto(lab.url)
  const tabList = page.getByRole('tablist', { name: 'Recipe steps' })
  for (const name of tabs) {
    await expect(tabList.getByRole('tab', { name: new RegExp(`${name}$`) })).toBeVisible()
  }
  const info = await lab.request<{ backend: string }>('system.info', {})
  await expect(page.getByTestId('backend-badge')).toContainText(
    info.backend === 'wasm' ? 'WebAssembly' : 'CPU'
  )

  // Keyboard: arrow keys move between tabs.
  await tabList.getByRole('tab', { name: /Explore$/ }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(tabList.getByRole('tab', { name: /Train$/ })).toHaveAttribute(
    'aria-selected',
    'true'
  )

  // Every step of the recipe is built: Overfit starts with the loss at initialisation.
  await tabList.getByRole('tab', { name: /Overfit$/ }).click()
  await expect(page.getByRole('heading', { name: 'Loss at initialisation' })).toBeVisible()
})

test('a killed engine is reported in the UI and replaced by a working one', async ({
  page,
  lab
}) => {
  await page.goto(lab.url)
  await expect(page.getByRole('status').filter({ hasText: 'Engine ready' })).toBeVisible()
  await expect(page.getByText('10,000 in all: 8,000 train, 2,000 test')).toBeVisible()
  const before = await lab.request<{ engine: { pid: number } }>('system.info', {})
  process.kill(before.engine.pid, 'SIGKILL')

  // One crash is one message, however many requests it cut off.
  await expect(page.getByRole('alert')).toHaveCount(1)
  await expect(page.getByRole('alert')).toContainText('stopped unexpectedly (killed by SIGKILL)')
  await expect(page.getByRole('status').filter({ hasText: 'Engine ready' })).toBeVisible()
  const after = await lab.request<{ engine: { pid: number } }>('system.info', {})
  expect(after.engine.pid).not.toBe(before.engine.pid)
  await expect(page.getByTestId('backend-badge')).toContainText('Backend:')
  // Every request the crash cut off has failed by now, and still there is one message.
  await expect(page.getByRole('alert')).toHaveCount(1)
})

test('the page loads without a failed request, and its favicon answers 200', async ({
  page,
  lab
}) => {
  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(lab.url)
  await expect(page.getByRole('status').filter({ hasText: 'Engine ready' })).toBeVisible()
  // Headless Chromium does not fetch favicons itself: ask for the one the page names.
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBeTruthy()
  const icon = await page.request.get(new URL(href ?? '', lab.url).href)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toBe('image/png')
  expect(failed).toEqual([])
})
