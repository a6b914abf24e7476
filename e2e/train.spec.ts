import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

interface RunSummary {
  id: string
  status: string
  testAccuracy: number | null
}

/** How many batch points the loss chart holds; the chart exposes it for exactly this check. */
async function lossPoints(page: Page): Promise<number> {
  const value = await page.getByRole('img', { name: /^Loss chart/ }).getAttribute('data-points')
  return Number(value ?? 0)
}

/** A reading once two reads 300 ms apart agree; fails if it keeps changing for 3 s. */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 3_000
  let previous = await read()
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const now = await read()
    if (now === previous) return now
    previous = now
  }
  throw new Error(`still changing after 3 s, last read ${String(previous)}`)
}

async function openTrain(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('tab', { name: /Train$/ }).click()
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('mnist-sample')
}

/** Small batches make an epoch on the 8,000-digit sample last long enough to watch and pause. */
async function setLongRun(page: Page): Promise<void> {
  await page.getByLabel('Batch size').fill('16')
  await page.getByLabel('Epochs').fill('30')
}

test('train on the sample: defaults, validation, live loss curve, pause, resume, stop', async ({
  page,
  lab
}, testInfo) => {
  await openTrain(page, lab.url)

  // The seed's model and loop are the defaults.
  await expect(page.getByLabel('Epochs')).toHaveValue('2')
  await expect(page.getByLabel('Learning rate')).toHaveValue('0.001')
  await expect(page.getByLabel('Batch size')).toHaveValue('256')
  await expect(page.getByTestId('parameter-count')).toHaveText('59,210 parameters')
  await expect(page.getByRole('list', { name: 'Layer diagram' }).getByRole('listitem')).toHaveCount(
    5
  )

  // An invalid field says what it wants and blocks Start.
  const start = page.getByRole('button', { name: 'Start training' })
  await page.getByLabel('Epochs').fill('0')
  await expect(
    page.getByText('Epochs must be a whole number at least 1 and at most 1,000.')
  ).toBeVisible()
  await expect(start).toBeDisabled()
  await page.getByLabel('Units, hidden layer 2').fill('')
  await expect(page.getByText('Enter a value for Units of layer 2.')).toBeVisible()
  await page.getByLabel('Units, hidden layer 2').fill('64')
  await setLongRun(page)
  await expect(start).toBeEnabled()

  await start.click()
  const progress = page.getByRole('progressbar', { name: 'Training progress' })
  await expect(progress).toHaveAttribute('aria-valuetext', /Epoch 1 of 30, batch \d+ of 500/)
  await expect(page.getByText(/First loss \d\.\d{3}/)).toContainText('ln(10) = 2.303')

  // The curve grows batch by batch.
  await expect.poll(() => lossPoints(page)).toBeGreaterThan(3)
  const early = await lossPoints(page)
  await expect.poll(() => lossPoints(page)).toBeGreaterThan(early + 3)
  await expect(page.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '0')
  await page.setViewportSize({ width: 1280, height: 1120 })
  await page.screenshot({ path: testInfo.outputPath('train.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: testInfo.outputPath('train-dark.png') })
  await page.emulateMedia({ colorScheme: 'light' })

  // Pause holds the run still; Resume carries on.
  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(page.getByRole('button', { name: 'Resume' })).toBeEnabled()
  await expect(page.getByRole('status').filter({ hasText: 'Paused.' })).toBeVisible()
  // The engine's position (epoch and batch). Batch events sent before the pause may
  // still be on their way: let it settle.
  const position = (): Promise<string | null> => progress.getAttribute('aria-valuetext')
  const pausedAt = await settled(position)
  // Unpaused, batches of 16 move the position several times a second.
  await page.waitForTimeout(1000)
  expect(await position()).toBe(pausedAt)
  await expect(page.getByRole('button', { name: 'Resume' })).toBeEnabled()
  const paused = await lossPoints(page)
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled()
  await expect.poll(position).not.toBe(pausedAt)
  await expect.poll(() => lossPoints(page)).toBeGreaterThan(paused)

  // State lives in the store: a trip to another tab loses nothing.
  await page.getByRole('tab', { name: /Explore$/ }).click()
  await page.getByRole('tab', { name: /Train$/ }).click()
  await expect.poll(() => lossPoints(page)).toBeGreaterThan(paused)
  await expect(page.getByLabel('Epochs')).toHaveValue('30')

  // After a reload the page finds the run still training and takes it up again,
  // live: the same engine goes on, and the position keeps moving on the new page.
  const { engine } = await lab.request<{ engine: { pid: number } }>('system.info', {})
  await page.reload()
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled()
  await expect(progress).toHaveAttribute('aria-valuetext', /Epoch \d+ of 30, batch \d+ of 500/)
  await expect.poll(() => lossPoints(page)).toBeGreaterThan(0)
  const afterReload = await position()
  await expect.poll(position).not.toBe(afterReload)
  const again = await lab.request<{ engine: { pid: number } }>('system.info', {})
  expect(again.engine.pid).toBe(engine.pid)

  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Training stopped after' })).toBeVisible()
  await expect(start).toBeEnabled()

  const runs = await lab.request<RunSummary[]>('runs.list', {})
  expect(runs).toHaveLength(1)
  await expect
    .poll(async () => (await lab.request<RunSummary[]>('runs.list', {}))[0]?.status)
    .toBe('stopped')
  // RUNS TAB ROW: the run appears in the Runs tab (built by another engineer).
  await page.getByRole('tab', { name: /Runs$/ }).click()
  await expect(page.getByRole('row').filter({ hasText: /stopped/i })).toHaveCount(1)
})

test('a killed engine interrupts the run, says so, and training can start again', async ({
  page,
  lab
}) => {
  await openTrain(page, lab.url)
  await expect(page.getByRole('status').filter({ hasText: 'Engine ready' })).toBeVisible()
  await setLongRun(page)
  await page.getByRole('button', { name: 'Start training' }).click()
  await expect.poll(() => lossPoints(page)).toBeGreaterThan(2)

  const { engine } = await lab.request<{ engine: { pid: number } }>('system.info', {})
  process.kill(engine.pid, 'SIGKILL')

  await expect(
    page.getByRole('alert').filter({ hasText: 'The run was interrupted' })
  ).toContainText('stopped unexpectedly')
  await expect(page.getByRole('status').filter({ hasText: 'Engine ready' })).toBeVisible()
  await expect
    .poll(async () => (await lab.request<RunSummary[]>('runs.list', {}))[0]?.status)
    .toBe('interrupted')

  // A new run starts on the new engine and trains.
  await page.getByLabel('Epochs').fill('1')
  await page.getByLabel('Batch size').fill('256')
  await page.getByRole('button', { name: 'Start training' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Training completed' })).toContainText(
    /Test accuracy \(test split used for validation\) after epoch \d+: \d+\.\d%/
  )
  const runs = await lab.request<RunSummary[]>('runs.list', {})
  expect(runs.map((r) => r.status).sort()).toEqual(['completed', 'interrupted'])
  // The seed's promise: one epoch of the default loop already learns (about 80% on the sample).
  const completed = runs.find((r) => r.status === 'completed')
  expect(completed?.testAccuracy).toBeGreaterThan(0.5)
})
