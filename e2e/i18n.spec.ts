import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

/**
 * The same walk in each language the lab speaks, in a browser that prefers it:
 * tabs and buttons in its words, a run trained through the UI, its metrics in
 * its number format, and the report PDF in its words. The fixture fails the
 * test on any message missing from the catalogue.
 */
interface Walk {
  locale: string
  tabs: string[]
  epochs: string
  start: string
  completed: RegExp
  evaluateTab: string
  confusion: string
  accuracy: RegExp
  macroF1Name: string
  macroF1: RegExp
  pdf: string[]
  /** Words of the other language that must not appear in the PDF. */
  notInPdf: string[]
  pdfNumber: RegExp
}

const walks: Walk[] = [
  {
    locale: 'de-DE',
    tabs: [
      'Erkunden',
      'Trainieren',
      'Evaluieren',
      'Overfitten',
      'Regularisieren',
      'Optimieren',
      'Läufe'
    ],
    epochs: 'Epochen',
    start: 'Training starten',
    completed:
      /Training nach .+ abgeschlossen\. Test-Accuracy \(Testsplit als Validierung benutzt\) nach Epoche \d+: \d{1,3},\d\s%/,
    evaluateTab: 'Evaluieren',
    confusion: 'Konfusionsmatrix',
    accuracy: /^\d{1,3},\d{2}\s%$/,
    macroF1Name: 'Makro-F1',
    macroF1: /^0,\d{3}$/,
    pdf: [
      'MNIST-Lab-Bericht',
      'Datensatz',
      'Modell und Hyperparameter',
      'Lernrate',
      'Batchgröße',
      'Loss pro Epoche',
      'Konfusionsmatrix',
      'Metriken pro Klasse',
      'Falsch klassifizierte Ziffern',
      'Checkliste zum Rezept',
      '4. Overfitten'
    ],
    notInPdf: ['Recipe checklist', 'Learning rate', 'Confusion matrix'],
    // A loss or F1 with a decimal comma, e.g. "0,912".
    pdfNumber: /\b0,\d{3}\b/
  },
  {
    locale: 'en-US',
    tabs: ['Explore', 'Train', 'Evaluate', 'Overfit', 'Regularize', 'Tune', 'Runs'],
    epochs: 'Epochs',
    start: 'Start training',
    completed:
      /Training completed after .+\. Test accuracy \(test split used for validation\) after epoch \d+: \d{1,3}\.\d%/,
    evaluateTab: 'Evaluate',
    confusion: 'Confusion matrix',
    accuracy: /^\d{1,3}\.\d{2}%$/,
    macroF1Name: 'Macro F1',
    macroF1: /^0\.\d{3}$/,
    pdf: [
      'MNIST Lab report',
      'Dataset',
      'Model and hyperparameters',
      'Learning rate',
      'Batch size',
      'Loss per epoch',
      'Confusion matrix',
      'Per-class metrics',
      'Misclassified digits',
      'Recipe checklist',
      '4. Overfit'
    ],
    notInPdf: ['Checkliste', 'Lernrate', 'Konfusionsmatrix'],
    pdfNumber: /\b0\.\d{3}\b/
  }
]

/** The figure shown under a metric's name in Evaluate's summary. */
function metric(page: Page, name: string) {
  return page
    .locator('dl.numbers div')
    .filter({ has: page.getByText(name, { exact: true }) })
    .locator('dd')
}

for (const walk of walks) {
  test.describe(`in a ${walk.locale} browser`, () => {
    test.use({ locale: walk.locale })

    test('tabs, buttons, a trained run, its metrics and the report PDF speak the language', async ({
      page,
      lab
    }, testInfo) => {
      test.setTimeout(240_000)
      await page.goto(lab.url)
      const tabs = page.getByRole('tab')
      await expect(tabs).toHaveText(walk.tabs.map((name, i) => `${i + 1}${name}`))
      await expect(page.locator('html')).toHaveAttribute('lang', walk.locale.slice(0, 2))

      // One epoch of the seed's model, started from the Train tab.
      await page.getByRole('tab', { name: walk.tabs[1] }).click()
      await page.getByLabel(walk.epochs, { exact: true }).fill('1')
      await page.getByRole('button', { name: walk.start }).click()
      await expect(page.getByRole('status').filter({ hasText: walk.completed })).toBeVisible({
        timeout: 150_000
      })
      // Screenshots for a person to read the wording; the assertions cannot judge it.
      await page.screenshot({ path: testInfo.outputPath('train.png'), fullPage: true })

      await page.getByRole('tab', { name: walk.evaluateTab }).click()
      await expect(page.getByRole('heading', { name: walk.confusion })).toBeVisible()
      // "Accuracy" is the seed's own word in both languages.
      await expect(metric(page, 'Accuracy')).toHaveText(walk.accuracy)
      await expect(metric(page, walk.macroF1Name)).toHaveText(walk.macroF1)
      await page.setViewportSize({ width: 1280, height: 2300 })
      await page.screenshot({ path: testInfo.outputPath('evaluate.png') })
      await page.getByRole('tab', { name: walk.tabs[0] }).click()
      await page.screenshot({ path: testInfo.outputPath('explore.png') })
      await page.getByRole('tab', { name: walk.tabs[6] }).click()
      await page.screenshot({ path: testInfo.outputPath('runs.png') })
      await page.setViewportSize({ width: 1280, height: 860 })

      const [run] = await lab.request<{ id: string }[]>('runs.list', {})
      await page.goto(`${lab.url}#/report/${run.id}`)
      await expect(page.locator('body')).toHaveAttribute('data-report-ready', 'true')
      await page.emulateMedia({ media: 'print' })
      const pdfPath = testInfo.outputPath(`report-${walk.locale}.pdf`)
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true })
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString()
      for (const words of walk.pdf) expect(text, `the PDF holds "${words}"`).toContain(words)
      for (const words of walk.notInPdf)
        expect(text, `the PDF lacks "${words}"`).not.toContain(words)
      expect(text).toMatch(walk.pdfNumber)
    })
  })
}

test.describe('in a browser whose language the lab does not know', () => {
  test.use({ locale: 'fr-FR' })

  test('falls back to English, and the language switcher changes it for good', async ({
    page,
    lab
  }) => {
    await page.goto(lab.url)
    await expect(page.getByRole('tab', { name: 'Train' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await page.getByLabel('Language').selectOption('de')
    await expect(page.getByRole('tab', { name: 'Trainieren' })).toBeVisible()
    await expect(page.getByLabel('Sprache')).toHaveValue('de')

    // The choice outlives a reload, whatever the browser prefers.
    await page.reload()
    await expect(page.getByRole('tab', { name: 'Läufe' })).toBeVisible()
    await page.getByRole('tab', { name: 'Trainieren' }).click()
    await expect(page.getByRole('button', { name: 'Training starten' })).toBeVisible()
  })
})
