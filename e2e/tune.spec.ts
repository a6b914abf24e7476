import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import type { SearchRecord, SystemInfo } from '../src/shared/contract'
import { seedTrainConfig } from '../src/shared/train-defaults'
import { killAll, liveChildren } from '../src/main/lab/testing/child-processes'

const seedConfig = seedTrainConfig()

test('the learning-rate finder draws its curve and its suggestion fills the Train form', async ({
  page,
  lab
}) => {
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Tune$/ }).click()
  await page.getByRole('button', { name: 'Find a learning rate' }).click()

  const suggestion = page.getByRole('status').filter({ hasText: 'Suggested learning rate' })
  await expect(suggestion).toBeVisible({ timeout: 60_000 })
  await expect(
    page.getByRole('img', { name: /^Learning-rate finder chart: \d+ steps from 1\.0e-7/ })
  ).toBeVisible()
  const rate = /Suggested learning rate: ([0-9.e-]+)/.exec(
    (await suggestion.textContent()) ?? ''
  )![1]!
  expect(Number(rate)).toBeGreaterThan(1e-6)
  expect(Number(rate)).toBeLessThan(1)

  await page.getByRole('button', { name: 'Use this rate' }).click()
  await expect(page.getByRole('tab', { name: /Train$/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue(String(Number(rate)))
})

test('a schedule shows its preview before the run starts', async ({ page, lab }) => {
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Train$/ }).click()
  await page.getByLabel('Learning-rate schedule').selectOption({ label: 'Cosine with warm-up' })
  await page.getByLabel('Epochs', { exact: true }).fill('4')
  await expect(page.getByLabel('Warm-up length')).toHaveValue('1')
  await expect(
    page.getByRole('img', { name: /^Schedule preview: from 0\.000\d+ to 0\.0, peak 0\.0010$/ })
  ).toBeVisible()
  await page.getByLabel('Warm-up length').fill('-1')
  await expect(page.getByText('Warm-up length must be at least 0.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled()
})

test('a 4-trial search completes with its table and scatter, and its best trains fully', async ({
  page,
  lab
}) => {
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Tune$/ }).click()
  await page.getByLabel('Trials', { exact: true }).fill('4')
  await page.getByLabel('Epoch budget per trial').fill('2')
  await page.getByLabel('Parallel trials').fill('2')
  await page.getByLabel('Batch sizes').fill('128, 256')
  await page.getByRole('button', { name: 'Start search' }).click()

  await expect(page.getByRole('progressbar', { name: 'Search progress' })).toBeVisible()
  const finished = page.getByRole('status').filter({ hasText: 'Search finished' })
  await expect(finished).toBeVisible({ timeout: 180_000 })
  const table = page.getByRole('table', { name: 'Trials' })
  await expect(table.getByRole('row')).toHaveCount(5)
  // Successive halving after epoch 1: two of the four stop there.
  await expect(table.getByRole('cell', { name: 'stopped after epoch 1' })).toHaveCount(2)
  await expect(
    page.getByRole('img', {
      name: 'Trials scatter: 4 trials, validation accuracy against learning rate'
    })
  ).toBeVisible()

  // Parallel coordinates: every trial a line; the arrow keys pick one and say its settings.
  const parallel = page.getByRole('group', { name: /^Parallel coordinates of 4 trials/ })
  await parallel.focus()
  await page.keyboard.press('ArrowRight')
  await expect(
    page.getByText(/^Trial 1: Rate .*, Batch (128|256), .*Validation accuracy/)
  ).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByText(/^Trial 4: Rate /)).toBeVisible()

  await table.getByRole('button', { name: 'Validation accuracy' }).click()
  await expect(table.getByRole('columnheader', { name: 'Validation accuracy' })).toHaveAttribute(
    'aria-sort',
    'descending'
  )
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toContainText('(best)')

  await finished.getByRole('button', { name: 'Train the best configuration fully' }).click()
  await expect(page.getByRole('tab', { name: /Train$/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible()

  // The full run records the search it came from; its report shows that search and ticks Tune.
  interface Run {
    id: string
    status: string
    tunedFrom?: { searchId: string }
  }
  let tunedRun: Run | undefined
  await expect
    .poll(
      async () => {
        tunedRun = (await lab.request<Run[]>('runs.list', {})).find((r) => r.tunedFrom)
        return tunedRun?.status
      },
      { timeout: 120_000 }
    )
    .toBe('completed')
  await page.goto(`${lab.url}#/report/${tunedRun!.id}`)
  await expect(page.getByRole('heading', { name: 'Search', exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Search space' })).toBeVisible()
  await expect(page.getByText(/Chosen: trial \d/)).toBeVisible()
  const tuneItem = page.getByRole('listitem').filter({ hasText: '6. Tune' })
  await expect(tuneItem).toContainText('done')
  await expect(tuneItem).toContainText(`The best of search ${tunedRun!.tunedFrom!.searchId}`)

  // In Runs, the four trials sit together under their search, each a run to open.
  await page.goto(`${lab.url}#/runs`)
  const runs = page.getByRole('table', { name: 'Runs, newest first' })
  const searchId = tunedRun!.tunedFrom!.searchId
  await expect(runs.getByRole('rowheader', { name: `Search ${searchId}: 4 trials` })).toBeVisible()
  const trialRows = runs.getByRole('row', { name: new RegExp(`Search ${searchId.slice(2)} trial`) })
  await expect(trialRows).toHaveCount(4)
  await trialRows.first().getByRole('radio').check()
  await expect(page.getByRole('button', { name: 'Open in Evaluate' })).toBeEnabled()
})

test('a search goes on when its trial engine is killed mid-trial, and the lab keeps answering', async ({
  page,
  lab
}) => {
  const uiEngine = (await lab.request<SystemInfo>('system.info', {})).engine.pid
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Tune$/ }).click()
  await page.getByLabel('Trials', { exact: true }).fill('3')
  await page.getByLabel('Epoch budget per trial').fill('3')
  await page.getByLabel('Parallel trials').fill('1')
  await page.getByLabel('Batch sizes').fill('64')
  await page.getByRole('button', { name: 'Start search' }).click()
  await expect(page.getByRole('progressbar', { name: 'Search progress' })).toBeVisible()

  // Once halving has stopped a trial after epoch 1, the trials that go on train
  // from a checkpoint for two more epochs: then their engine dies as in a crash.
  const [search] = await lab.request<SearchRecord[]>('search.list', {})
  const searchId = search!.id
  await expect
    .poll(
      async () => {
        const { trialRecords } = await lab.request<SearchRecord>('search.get', { searchId })
        const halved = trialRecords.some((t) => t.status === 'stopped')
        return halved && trialRecords.some((t) => t.status === 'running' && t.epochs >= 1)
      },
      { timeout: 120_000, intervals: [50] }
    )
    .toBe(true)
  const killed = killAll(liveChildren(lab.pid, uiEngine))
  expect(killed.length).toBeGreaterThan(0)

  await expect(page.getByRole('status').filter({ hasText: 'Search finished' })).toBeVisible({
    timeout: 180_000
  })
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row')).toHaveCount(4)
  const record = await lab.request<SearchRecord>('search.get', { searchId })
  expect(record.status).toBe('completed')
  // The crash cut a trial off, and that trial went on from its checkpoint: none failed for it.
  expect(record.trialRecords.some((t) => /engine crashed/.test(t.message ?? ''))).toBe(true)
  for (const trial of record.trialRecords) expect(['completed', 'stopped']).toContain(trial.status)
  expect(record.best).not.toBeNull()
  // The UI's engine was never the one killed: the same process still answers.
  expect((await lab.request<SystemInfo>('system.info', {})).engine.pid).toBe(uiEngine)
})

test('an interrupted search is listed in Tune and resumes from there', async ({ page, lab }) => {
  const { searchId } = await lab.request<{ searchId: string }>('search.start', {
    base: { ...seedConfig, trainFraction: 0.15, epochs: 1 },
    space: {
      learningRate: { min: 1e-3, max: 1e-2 },
      batchSize: [128],
      model: { kind: 'mlp', widths: [32], depths: [1] },
      dropout: { min: 0, max: 0 },
      l2: [0],
      optimizer: ['adam'],
      schedule: ['constant']
    },
    trials: 3,
    epochs: 1,
    parallel: 1,
    seed: 4
  })
  await expect
    .poll(async () => (await lab.request<SearchRecord>('search.get', { searchId })).status, {
      timeout: 120_000
    })
    .toBe('completed')
  // As if the lab had quit while the third trial trained: its file says the search runs.
  const file = join(lab.home, 'searches', searchId, 'search.json')
  const cut = JSON.parse(readFileSync(file, 'utf8')) as SearchRecord
  cut.status = 'running'
  cut.best = null
  cut.bestTestAccuracy = null
  cut.trialRecords[2] = {
    ...cut.trialRecords[2]!,
    status: 'pending',
    runId: null,
    epochs: 0,
    scores: [],
    validationAccuracy: null
  }
  writeFileSync(file, JSON.stringify(cut))

  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Tune$/ }).click()
  const interrupted = page.getByRole('region', { name: 'Interrupted searches' })
  await expect(interrupted).toContainText(`Search ${searchId}`)
  await expect(interrupted).toContainText('2 of 3 trials done')
  await interrupted.getByRole('button', { name: `Resume search ${searchId}` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Search finished' })).toBeVisible({
    timeout: 120_000
  })
  await expect(interrupted).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row')).toHaveCount(4)
})

test('an ensemble of 3 runs is evaluated beside its best member', async ({ page, lab }) => {
  interface Run {
    id: string
    status: string
  }
  const ids: string[] = []
  for (const seed of [1, 2, 3]) {
    const { runId } = await lab.request<{ runId: string }>('train.start', {
      config: { ...seedConfig, epochs: 1, seed, trainFraction: 0.3 },
      name: `Member ${seed}`
    })
    ids.push(runId)
    await expect
      .poll(async () => (await lab.request<Run>('runs.get', { runId })).status, { timeout: 60_000 })
      .toBe('completed')
  }
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Tune$/ }).click()
  const members = page.getByRole('group', { name: 'Members' })
  for (const seed of [1, 2, 3])
    await members.getByRole('checkbox', { name: `Member ${seed}` }).check()
  await page.getByRole('button', { name: 'Evaluate ensemble' }).click()
  const table = page.getByRole('table', { name: 'Ensemble and members on the test split' })
  await expect(table.getByRole('rowheader', { name: 'Ensemble of 3' })).toBeVisible({
    timeout: 60_000
  })
  await expect(table.getByRole('rowheader', { name: /\(best member\)$/ })).toHaveCount(1)
  await expect(
    page.getByRole('img', { name: 'Confusion matrix of the ensemble on the test split, counts' })
  ).toBeVisible()

  // The same from Runs: tick two runs, and the ensemble of those two opens in Tune.
  await page.getByRole('tab', { name: /Runs$/ }).click()
  for (const seed of [1, 2])
    await page.getByRole('checkbox', { name: `Show Member ${seed} in the loss chart` }).check()
  // The newest run is ticked when Runs opens.
  await page.getByRole('checkbox', { name: 'Show Member 3 in the loss chart' }).uncheck()
  await page.getByRole('button', { name: 'Evaluate the ticked runs as an ensemble (2)' }).click()
  await expect(page.getByRole('tab', { name: /Tune$/ })).toHaveAttribute('aria-selected', 'true')
  await expect(table.getByRole('rowheader', { name: 'Ensemble of 2' })).toBeVisible({
    timeout: 60_000
  })
  await expect(members.getByRole('checkbox', { name: 'Member 3' })).not.toBeChecked()
})
