/**
 * Web mode with the GPU engine: the Train tab trains on WebGL in headless
 * Chromium (SwiftShader here, allowed with --allow-software-gpu), and
 * says which adapter ran it and that it is a software one.
 */
import { test, expect } from './fixtures'

// SwiftShader may stand in for a GPU in this lab server.
test.use({ serverArgs: ['--allow-software-gpu'] })

test('the Train tab trains on WebGL and names its software adapter', async ({ page, lab }) => {
  test.setTimeout(240_000)
  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Train$/ }).click()
  await page.getByLabel('Backend').selectOption('webgl')
  await page.getByLabel('Epochs').fill('1')
  await page.getByRole('button', { name: 'Start training' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Training completed' })).toBeVisible({
    timeout: 180_000
  })
  const badge = page.getByText(/^Run .* on GPU, WebGL \(Chromium\) on /)
  await expect(badge).toContainText('SwiftShader')
  await expect(badge).toContainText('software (emulated on the CPU, no real GPU)')
  const runs = await lab.request<{ backend?: string; status: string }[]>('runs.list', {})
  expect(runs.map((r) => [r.status, r.backend])).toEqual([['completed', 'webgl']])
})
