import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'

test('a damaged run.json shows as a damaged run with its reason and can be deleted', async ({
  page,
  lab
}) => {
  const folder = join(lab.home, 'runs', '20260101-120000-badbad')
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'run.json'), '{"id": "20260101-120000-badbad", "name": "cut')

  await page.goto(lab.url)
  await page.getByRole('tab', { name: /Runs$/ }).click()
  const damaged = page.getByRole('region', { name: 'Damaged runs' })
  await expect(damaged).toContainText('20260101-120000-badbad')
  await expect(damaged).toContainText('cut short')

  await damaged.getByRole('button', { name: 'Delete damaged run 20260101-120000-badbad' }).click()
  await expect(damaged).toBeHidden()
  expect(existsSync(folder)).toBe(false)
})
