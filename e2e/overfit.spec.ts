import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import type { RunRecord } from '../src/shared/contract'
import { test, expect } from './fixtures'
import { trainedRun } from './trained-run'

/** Waits until the run's measured train accuracy reaches 99%, then stops it: that is all step 4 asks. */
async function untilFitted(
  request: <T>(name: string, params: unknown) => Promise<T>,
  runId: string
): Promise<RunRecord> {
  const deadline = Date.now() + 300_000
  while (Date.now() < deadline) {
    const record = await request<RunRecord>('runs.get', { runId })
    if ((record.epochs.at(-1)?.trainAccuracy ?? 0) >= 0.99) {
      if (record.status === 'running') await request('train.stop', { runId })
      return request<RunRecord>('runs.get', { runId })
    }
    if (!['running', 'paused'].includes(record.status)) {
      throw new Error(`training ended as ${record.status} below 99%: ${record.message ?? ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the overfit preset did not reach 99% measured train accuracy in 5 minutes')
}

/** Loss at init, one batch overfitted below 0.01, and the baselines, all on the Overfit tab. */
async function runChecks(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('tab', { name: /Overfit$/ }).click()

  // Loss at init: a verdict beside ln(10).
  await page.getByRole('button', { name: 'Check the loss at init' }).click()
  await expect(page.getByText('As expected: the model starts by guessing evenly.')).toBeVisible()
  const initLoss = Number(await page.getByTestId('init-loss').textContent())
  expect(Math.abs(initLoss - Math.log(10))).toBeLessThan(0.5)

  // One batch: the live log-scale curve, the images turning correct, the pass.
  await page.getByRole('button', { name: 'Overfit one batch' }).click()
  await expect(page.getByText(/^Passed: loss/)).toBeVisible({ timeout: 60_000 })
  const chart = page.getByRole('img', { name: /^Loss on the batch: / })
  const summary = (await chart.getAttribute('aria-label')) ?? ''
  const finalLoss = Number(/: ([\d.eE+-]+) after step/.exec(summary)?.[1])
  expect(finalLoss).toBeLessThan(0.01)
  await expect(page.getByTestId('batch-right')).toHaveText('32 of 32 right')
  await expect(page.getByRole('table', { name: /Per-layer diagnostics/ })).toBeVisible()

  // Baselines: one number each on the test split.
  await page.getByRole('button', { name: 'Train the baselines' }).click()
  await expect(
    page.getByRole('table', { name: 'Baselines' }).getByRole('row', { name: /Linear softmax/ })
  ).toBeVisible({
    timeout: 90_000
  })
  await expect(
    page.getByRole('table', { name: 'Baselines' }).getByRole('row', { name: /Majority class/ })
  ).toBeVisible()
}

test('Overfit: loss at init, one batch below 0.01, baselines and the human quiz', async ({
  page,
  lab
}) => {
  test.setTimeout(300_000)
  // The quiz compares the learner with a trained run on the dataset.
  await trainedRun(lab)
  await runChecks(page, lab.url)

  // The human quiz: 20 test images labelled, then scored beside the model on the same 20.
  await page.getByRole('button', { name: 'Start the quiz (20 test images)' }).click()
  for (let n = 1; n <= 20; n++) {
    await page
      .getByRole('combobox', { name: `Your answer for image ${n}`, exact: true })
      .selectOption(String(n % 10))
  }
  await page.getByRole('button', { name: 'Score my answers' }).click()
  await expect(page.getByTestId('quiz-result')).toHaveText(
    /^You: \d+ of 20 right \(\d+\.\d%\)\. The model: \d+ of 20 \(\d+\.\d%\)\.$/
  )
  await expect(
    page.getByRole('table', { name: 'Baselines' }).getByRole('row', { name: /You \(quiz\)/ })
  ).toBeVisible()
})

test('Overfit: the preset reaches 99% measured train accuracy, and the report shows step 4', async ({
  page,
  lab
}, testInfo) => {
  test.setTimeout(600_000)
  await runChecks(page, lab.url)

  // The preset goes to Train with MLP 784-512-512-10, no dropout or L2.
  await page.getByRole('button', { name: 'Load the overfit preset and go to Train' }).click()
  await expect(page.getByRole('tab', { name: /Train$/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByLabel('Epochs')).toHaveValue('20')
  await expect(page.getByLabel('L2 penalty')).toHaveValue('0')
  await page.getByRole('button', { name: 'Start training' }).click()
  // The click only sends train.start: the run is listed once the lab has created it.
  let runId = ''
  await expect
    .poll(
      async () => {
        runId = (await lab.request<RunRecord[]>('runs.list', {}))[0]?.id ?? ''
        return runId
      },
      { timeout: 30_000 }
    )
    .not.toBe('')
  const record = await untilFitted(lab.request, runId)
  expect(record.config.model).toEqual({
    kind: 'mlp',
    hidden: [
      { units: 512, activation: 'relu', dropout: 0 },
      { units: 512, activation: 'relu', dropout: 0 }
    ]
  })
  // The measured train accuracy (a pass after the epoch), not the running mean.
  const last = record.epochs.at(-1)!
  expect(last.trainAccuracy).toBeGreaterThanOrEqual(0.99)
  expect(last.trainAccuracy! - last.testAccuracy!).toBeGreaterThan(0)

  // The Train tab shows the per-layer diagnostics of the last epoch.
  await expect(page.getByRole('table', { name: /^Per-layer diagnostics/ })).toBeVisible()

  // The dynamics grid: 16 test images by the epochs trained.
  await page.getByRole('tab', { name: /Overfit$/ }).click()
  const grid = page.getByRole('table', { name: /^Predictions per epoch of / })
  await expect(grid.getByRole('row')).toHaveCount(17)
  await expect(
    grid.getByRole('cell', { name: /^Epoch 1: predicted \d with probability/ })
  ).toHaveCount(16)

  // The report shows step 4's evidence, and step 4 is done.
  await page.goto(`${lab.url}#/report/${record.id}`)
  await expect(page.locator('body')).toHaveAttribute('data-report-ready', 'true')
  const pdfPath = testInfo.outputPath('overfit-report.pdf')
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true })
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString()
  expect(text).toContain('Step 4 evidence: overfit')
  // The checks were made with the Train tab's seed model, the preset is another one.
  expect(text).toContain('Checked with another model on this dataset: MLP 64-64-64 relu.')
  expect(text).toMatch(/Loss at init \d\.\d{3} on 1000 images; ln\(10\) = 2\.303 \(as expected\)/)
  expect(text).toMatch(/One batch of 32: loss [\d.eE+-]+ after \d+ steps \(passed\)/)
  expect(text).toContain('Linear softmax')
  expect(text).toMatch(/Measured train accuracy (99|100)\.\d%/)
  expect(text).toMatch(/4\. Overfit: one batch, then the training set\s+done/)
})
