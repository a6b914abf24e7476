import { test, expect } from './fixtures'

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
  await expect(page.getByText(/^Warm-up length: /)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled()
})
