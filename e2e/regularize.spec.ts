import { test, expect } from './fixtures'

test('regularize: a baseline, dropout and augmentation variants compared honestly, early stopping marked, a learning curve', async ({
  page,
  lab
}) => {
  test.setTimeout(300_000)
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Regularize$/ }).click()

  // The baseline: 10% validation by default on this tab.
  await expect(page.getByLabel('Validation share')).toHaveValue('0.1')
  await page.getByLabel('Epochs', { exact: true }).fill('3')
  await page.getByRole('button', { name: 'Train a baseline' }).click()
  await expect(page.getByText(/^Baseline, 3 epochs: test accuracy \d+\.\d+%/)).toBeVisible({
    timeout: 120_000
  })

  // Augmentation: the preview shows one digit under 16 draws.
  const preview = page.getByRole('group', { name: 'One digit under 16 random draws' })
  await expect(preview.getByRole('img')).toHaveCount(16)

  // A dropout variant: the comparison appears with both runs, intervals and the McNemar sentence.
  await page.getByLabel('Dropout rate').fill('0.3')
  await page.getByRole('button', { name: 'Train variant: Dropout' }).click()
  const comparison = page.getByRole('region', { name: 'Comparison' })
  await expect(comparison.getByRole('row', { name: /Variant: Dropout 0.3/ })).toBeVisible({
    timeout: 120_000
  })
  await expect(comparison.getByRole('row', { name: /Baseline: Baseline, 3 epochs/ })).toContainText(
    /\d+\.\d+% – \d+\.\d+%/
  )
  await expect(comparison.getByRole('status')).toContainText(/McNemar’s exact test: p = /)
  await expect(comparison.getByRole('status')).toContainText(
    /The difference is likely real|The difference may well be luck/
  )

  // An augmented variant replaces it in the comparison.
  await page.getByRole('button', { name: 'Train variant: Data augmentation' }).click()
  await expect(
    comparison.getByRole('row', { name: /Variant: Augmented \(shift 2, rotate 10/ })
  ).toBeVisible({
    timeout: 120_000
  })

  // Early stopping: the variant's curve marks the best epoch chosen by validation.
  await page.getByLabel('Patience (epochs)').fill('0')
  await page.getByRole('button', { name: 'Train variant: Early stopping' }).click()
  await expect(
    comparison.getByRole('row', { name: /Variant: Early stopping, patience 0/ })
  ).toBeVisible({
    timeout: 120_000
  })
  await expect(
    comparison.getByRole('img', { name: /Accuracy per epoch; Best epoch \d/ }).last()
  ).toBeVisible()

  // A learning curve of four fractions draws four points.
  await page.getByLabel('Train fractions').fill('0.05, 0.1, 0.2, 0.4')
  await page.getByRole('button', { name: 'Draw learning curve' }).click()
  const curve = page.getByRole('img', { name: /^Learning curve/ })
  await expect(curve).toHaveAttribute('data-points', '4', { timeout: 180_000 })

  // From Runs: tick exactly two runs and compare them.
  await page.getByRole('tab', { name: /Runs$/ }).click()
  const boxes = page.getByRole('checkbox', { name: /^Show .* in the loss chart$/ })
  for (const box of await boxes.all()) await box.uncheck()
  await page.getByRole('checkbox', { name: 'Show Baseline, 3 epochs in the loss chart' }).check()
  await page.getByRole('checkbox', { name: 'Show Dropout 0.3 in the loss chart' }).check()
  await page.getByRole('button', { name: 'Compare the two selected runs' }).click()
  await expect(page.getByRole('tab', { name: /Regularize$/ })).toHaveAttribute(
    'aria-selected',
    'true'
  )
  await expect(comparison.getByRole('row', { name: /Variant: Dropout 0.3/ })).toBeVisible()
  await expect(comparison.getByRole('status')).toContainText(/McNemar’s exact test/)
})
