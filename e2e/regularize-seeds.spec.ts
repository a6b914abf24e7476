import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'

interface RunSummary {
  id: string
  name: string
  status: string
}

/** Every file under `dir`, relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

test('repeat with seeds puts mean and spread beside McNemar; a learning curve stopped mid-way leaves nothing half-written', async ({
  page,
  lab
}) => {
  test.setTimeout(300_000)
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Regularize$/ }).click()

  await page.getByLabel('Epochs', { exact: true }).fill('1')
  await page.getByRole('button', { name: 'Train a baseline' }).click()
  await expect(page.getByText(/^Baseline, 1 epochs: test accuracy/)).toBeVisible({
    timeout: 120_000
  })
  await page.getByLabel('Dropout rate').fill('0.3')
  await page.getByRole('button', { name: 'Train variant: Dropout' }).click()
  const comparison = page.getByRole('region', { name: 'Comparison' })
  await expect(comparison.getByRole('status')).toContainText(/McNemar’s exact test: p = /, {
    timeout: 120_000
  })

  // Two seeds: one more run per side, then mean ± spread for both beside the McNemar verdict.
  await page.getByLabel('Seeds').fill('2')
  await page.getByRole('button', { name: 'Repeat with 2 seeds' }).click()
  for (const side of ['Baseline', 'Variant']) {
    await expect(
      page.getByText(
        new RegExp(`^${side}: mean test accuracy \\d+\\.\\d+% ± \\d+\\.\\d+% over 2 seeds$`)
      )
    ).toBeVisible({ timeout: 180_000 })
  }
  await expect(comparison.getByRole('status')).toContainText(/McNemar’s exact test/)
  const beforeCurve = await lab.request<RunSummary[]>('runs.list', {})
  expect(beforeCurve.filter((r) => /, seed \d+$/.test(r.name))).toHaveLength(2)

  // A learning curve stopped while its second run trains.
  await page.getByLabel('Epochs', { exact: true }).fill('3')
  await page.getByLabel('Train fractions').fill('0.05, 0.75, 0.9, 1')
  await page.getByRole('button', { name: 'Draw learning curve' }).click()
  const curveStatus = page.getByRole('status').filter({ hasText: 'Training on 1 of 4 fractions' })
  await expect(curveStatus).toBeVisible({ timeout: 120_000 })
  await curveStatus.getByRole('button', { name: 'Stop' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'The learning curve stopped: the run on 75% of the train split was stopped; the curve ends there.',
    { timeout: 60_000 }
  )
  await expect(page.getByRole('img', { name: /^Learning curve/ })).toHaveAttribute(
    'data-points',
    '2'
  )
  await expect(page.getByRole('button', { name: 'Draw learning curve' })).toBeEnabled()

  // Nothing half-written: no run still marked running, exactly the two curve runs recorded
  // (none for 90% or 100%), each record readable, and no temporary file left behind.
  const runs = await lab.request<RunSummary[]>('runs.list', {})
  expect(runs.filter((r) => r.status === 'running')).toEqual([])
  const curveRuns = runs.filter((r) => r.name.startsWith('Learning curve'))
  expect(curveRuns.map((r) => [r.name, r.status]).sort()).toEqual([
    ['Learning curve 5% of train', 'completed'],
    ['Learning curve 75% of train', 'stopped']
  ])
  for (const run of runs) {
    expect((await lab.request<RunSummary>('runs.get', { runId: run.id })).id).toBe(run.id)
  }
  expect((await filesUnder(lab.home)).filter((f) => /\.tmp|\.partial/.test(f))).toEqual([])
})
