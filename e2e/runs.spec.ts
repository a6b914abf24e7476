import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { decodeSafetensors } from '../src/main/lab/runs/safetensors'
import { test, expect } from './fixtures'
import { trainedRun } from './trained-run'

/** Runs → Export → one of its items, by mouse. */
async function exportAs(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page
    .getByRole('menu', { name: 'Export this run' })
    .getByRole('menuitem', { name: item })
    .click()
}

test('Runs: the table, the loss overlay, rename, export, open in Evaluate, delete with confirmation', async ({
  page,
  lab
}, testInfo) => {
  const first = await trainedRun(lab, 'First run')
  const second = await trainedRun(lab, 'Second run')
  await page.goto(`${lab.url}#/runs`)

  const table = page.getByRole('table', { name: 'Runs, newest first' })
  for (const header of [
    'Name',
    'Dataset',
    'Model',
    'Hyperparameters',
    'Status',
    'Test accuracy (end of run, kept weights)',
    'Duration',
    'Backend'
  ]) {
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible()
  }
  const secondRow = table.getByRole('row', { name: /Second run/ })
  await expect(secondRow).toContainText('completed')
  await expect(secondRow).toContainText('MLP 64-64-64 relu')
  await expect(secondRow).toContainText('Adam, lr 0.001, batch 256, 1 epoch')
  await expect(page.getByRole('img', { name: /Loss per epoch of the selected runs/ })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('runs.png') })

  // Rename the newest run (selected by default) through the dialog.
  await page.getByRole('button', { name: 'Rename', exact: true }).click()
  const renameDialog = page.getByRole('dialog', { name: 'Rename run' })
  await renameDialog.getByLabel('Run name').fill('Baseline')
  await renameDialog.getByRole('button', { name: 'Save' }).click()
  await expect(renameDialog).toHaveCount(0)
  await expect(table.getByRole('row', { name: /Baseline/ })).toBeVisible()
  const renamed = await lab.request<{ name: string }>('runs.get', { runId: second })
  expect(renamed.name).toBe('Baseline')

  // Metrics leave as a browser download.
  const download = page.waitForEvent('download')
  await exportAs(page, 'Metrics (CSV)')
  const file = await download
  expect(file.suggestedFilename()).toBe(`${second}-metrics.csv`)
  const csv = readFileSync(await file.path(), 'utf8')
  expect(csv.split('\n')[0]).toBe(
    'epoch,trainLoss,testLoss,trainAccuracy,testAccuracy,seconds,samplesPerSecond,runningLoss,runningAccuracy,trainMeasured'
  )

  const modelDownloads: string[] = []
  page.on('download', (d) => modelDownloads.push(d.suggestedFilename()))
  await exportAs(page, 'Model for TensorFlow.js (tfjs)')
  await expect.poll(() => modelDownloads).toContain('model.json')

  // The weights for the seed notebook's PyTorch MLP.
  // The model's own downloads may still be arriving: wait for this one by its name.
  const weightsDownload = page.waitForEvent('download', (d) =>
    d.suggestedFilename().endsWith('.safetensors')
  )
  // By keyboard this time: the menu opens on its first item, arrows walk it, Enter picks.
  const exportButton = page.getByRole('button', { name: 'Export', exact: true })
  await exportButton.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Model for TensorFlow.js (tfjs)' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toBeHidden()
  await expect(exportButton).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(
    page.getByRole('menuitem', { name: 'Weights for PyTorch (.safetensors)' })
  ).toBeFocused()
  await page.keyboard.press('Enter')
  const weights = await weightsDownload
  expect(weights.suggestedFilename()).toBe(`${second}.safetensors`)
  const { tensors } = decodeSafetensors(readFileSync(await weights.path()))
  expect(tensors.map((t) => `${t.name} ${t.shape.join('x')}`)).toEqual([
    'fc1.weight 64x784',
    'fc1.bias 64',
    'fc2.weight 64x64',
    'fc2.bias 64',
    'fc3.weight 64x64',
    'fc3.bias 64',
    'fc4.weight 10x64',
    'fc4.bias 10'
  ])

  // Delete the first run, cancelling once.
  await page.getByRole('radio', { name: 'Select First run' }).check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const confirm = page.getByRole('dialog', { name: /Delete “First run”/ })
  await expect(confirm).toContainText('cannot be undone')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(table.getByRole('row', { name: /First run/ })).toBeVisible()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(table.getByRole('row', { name: /First run/ })).toHaveCount(0)
  const left = await lab.request<{ id: string }[]>('runs.list', {})
  expect(left.map((r) => r.id)).toEqual([second])
  void first

  // Open in Evaluate shows that run.
  await page.getByRole('button', { name: 'Open in Evaluate' }).click()
  await expect(page.getByRole('tab', { name: /Evaluate$/ })).toHaveAttribute(
    'aria-selected',
    'true'
  )
  await expect(page.getByLabel('Run')).toHaveValue(second)
  await expect(page.getByRole('table', { name: /Per-class metrics/ })).toBeVisible()

  // The report opens from Runs as well.
  await page.getByRole('tab', { name: /Runs$/ }).click()
  await page.evaluate(() => {
    ;(globalThis as unknown as { print: () => void }).print = () => undefined
  })
  await exportAs(page, 'Report (PDF)')
  await expect(page).toHaveURL(new RegExp(`#/report/${second}\\?print$`))
  await expect(page.getByRole('heading', { name: 'MNIST Lab report: Baseline' })).toBeVisible()
})
