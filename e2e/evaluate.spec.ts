import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { trainedRun } from './trained-run'
import { classMetrics, confusionMatrix, macroF1, weightedF1 } from '../src/shared/metrics'
import { parsePredictionsCsv } from '../src/main/lab/runs/export-format'

/** A stroke through the given points, in fractions of the drawing canvas. */
async function draw(page: Page, points: [number, number][]): Promise<void> {
  const pad = page.getByRole('img', { name: /Drawing area/ })
  await pad.scrollIntoViewIfNeeded()
  const box = await pad.boundingBox()
  if (!box) throw new Error('the drawing canvas is not on screen')
  const at = ([x, y]: [number, number]): [number, number] => [
    box.x + x * box.width,
    box.y + y * box.height
  ]
  await page.mouse.move(...at(points[0]))
  await page.mouse.down()
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 6 })
  await page.mouse.up()
}

test('Evaluate: metrics, heatmap, a confused cell, a drawn digit, and the report as A4 PDF', async ({
  page,
  lab
}, testInfo) => {
  const runId = await trainedRun(lab)
  await page.goto(`${lab.url}#/evaluate`)

  await expect(page.getByText('Accuracy', { exact: true })).toBeVisible()
  await expect(page.getByText('Macro F1', { exact: true })).toBeVisible()
  await expect(page.getByText(/Why accuracy alone misleads/)).toBeVisible()

  const table = page.getByRole('table', { name: /Per-class metrics/ })
  for (const header of ['Class', 'Precision', 'Recall', 'F1', 'Support']) {
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible()
  }
  await expect(table.getByRole('row')).toHaveCount(11)

  const heatmap = page.getByRole('img', { name: /Confusion matrix heatmap/ })
  await expect(heatmap).toBeVisible()

  // Click the off-diagonal cell of the most confused pair, found through the keyboard list.
  const pairs = page.getByRole('region', { name: 'Most confused pairs' }).getByRole('button')
  const first = (await pairs.first().textContent()) ?? ''
  const match = /True (\d), predicted (\d): (\d+)/.exec(first)
  expect(match).not.toBeNull()
  const [trueClass, predicted] = [Number(match?.[1]), Number(match?.[2])]
  // The heatmap's axes are 44 px deep (top and left), so the grid fills the rest.
  const box = await heatmap.boundingBox()
  if (!box) throw new Error('no heatmap on screen')
  const cell = { w: (box.width - 44) / 10, h: (box.height - 44) / 10 }
  await heatmap.click({
    position: { x: 44 + (predicted + 0.5) * cell.w, y: 44 + (trueClass + 0.5) * cell.h }
  })
  await expect(
    page.getByRole('heading', { name: `True ${trueClass}, predicted ${predicted}` })
  ).toBeVisible()
  const images = page.getByRole('list', {
    name: `Images: True ${trueClass}, predicted ${predicted}`
  })
  const digits = images.getByRole('img', {
    name: new RegExp(`^Image \\d+: true ${trueClass}, predicted ${predicted}$`)
  })
  await expect(digits).toHaveCount(Math.min(24, Number(match?.[3])))
  // Each image comes with its ten probabilities.
  await expect(images.getByRole('listitem', { name: /^\d: \d+\.\d%$/ })).toHaveCount(
    10 * Math.min(24, Number(match?.[3]))
  )

  // Draw a "1": a vertical stroke.
  await draw(page, [
    [0.5, 0.15],
    [0.5, 0.85]
  ])
  await expect(page.getByRole('status').filter({ hasText: /Prediction: \d/ })).toBeVisible()
  const drawPanel = page.getByRole('region', { name: 'Draw a digit' })
  await expect(drawPanel.getByRole('listitem', { name: /^\d: \d+\.\d%$/ })).toHaveCount(10)
  // The tab panel scrolls inside the window: a tall window shows all of it at once.
  await page.setViewportSize({ width: 1280, height: 2300 })
  await page.screenshot({ path: testInfo.outputPath('evaluate.png') })
  await page.setViewportSize({ width: 1280, height: 860 })
  await page.getByRole('button', { name: 'Clear' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Prediction:/ })).toHaveCount(0)

  // Web mode: the export button opens the report route and the page prints itself.
  // Headless Chromium has no print dialog; the spy records that the page asked for one.
  await page.evaluate(() => {
    const page = globalThis as unknown as { print: () => void; printed?: boolean }
    page.print = () => {
      page.printed = true
    }
  })
  await page.getByRole('button', { name: 'Export report (PDF)' }).click()
  await expect(page).toHaveURL(new RegExp(`#/report/${runId}\\?print$`))
  await expect(page.locator('body')).toHaveAttribute('data-report-ready', 'true')
  expect(await page.evaluate(() => (globalThis as unknown as { printed?: boolean }).printed)).toBe(
    true
  )

  await page.goto(`${lab.url}#/report/${runId}`)
  await expect(page.locator('body')).toHaveAttribute('data-report-ready', 'true')
  await page.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true })
  await page.emulateMedia({ media: 'print' })
  const pdfPath = process.env.REPORT_PDF ?? testInfo.outputPath('report.pdf')
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true })
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString()
  for (const section of [
    'MNIST Lab report',
    'Dataset',
    'Class histogram',
    'Model and hyperparameters',
    'Learning rate',
    'Batch size',
    'Epochs',
    'Optimizer',
    'Loss per epoch',
    'Accuracy per epoch',
    'Confusion matrix',
    'Per-class metrics',
    'Precision',
    'Misclassified digits',
    'Recipe checklist',
    '4. Overfit'
  ]) {
    expect(text, `the PDF holds "${section}"`).toContain(section)
  }
  expect(readFileSync(pdfPath).subarray(0, 4).toString()).toBe('%PDF')
})

test('CLI: `lab evaluate --json` agrees with its own predictions file; `lab runs` lists the run', async ({
  lab
}) => {
  const runId = await trainedRun(lab)
  const cli = join(__dirname, '..', process.env.LAB_OUT_DIR ?? 'out', 'main/cli.js')
  const run = (...args: string[]): string =>
    execFileSync(process.execPath, [cli, ...args, '--home', lab.home, '--json'], {
      encoding: 'utf8'
    })

  const runs = JSON.parse(run('runs')) as { id: string }[]
  expect(runs.map((r) => r.id)).toContain(runId)

  // Inside the test's data folder, which the fixture removes.
  const csvPath = join(lab.home, 'predictions.csv')
  const report = JSON.parse(
    run('evaluate', runId, '--split', 'test', '--predictions', csvPath)
  ) as {
    accuracy: number
    macroF1: number
    weightedF1: number
    confusion: number[][]
    perClass: { precision: number; recall: number; f1: number; support: number }[]
  }
  const rows = parsePredictionsCsv(readFileSync(csvPath, 'utf8'))
  expect(rows).toHaveLength(2000)
  const confusion = confusionMatrix(
    rows.map((r) => r.label),
    rows.map((r) => r.predicted),
    10
  )
  expect(report.confusion).toEqual(confusion)
  const perClass = classMetrics(confusion)
  expect(report.macroF1).toBeCloseTo(macroF1(perClass), 10)
  expect(report.weightedF1).toBeCloseTo(weightedF1(perClass), 10)
  report.perClass.forEach((m, c) => expect(m.f1).toBeCloseTo(perClass[c].f1, 10))
  expect(report.accuracy).toBeCloseTo(
    rows.filter((r) => r.label === r.predicted).length / rows.length,
    10
  )
})
