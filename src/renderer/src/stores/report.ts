import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  DatasetFacts,
  Evaluation,
  RecipeChecks,
  RunRecord,
  SearchRecord,
  SystemInfo
} from '../../../shared/contract'
import { translate } from '../i18n'
import { errorText } from '../i18n/errors'
import { lab, onMenuCommand } from '../api/lab'
import { useEvaluationStore } from './evaluation'
import { useNavigationStore } from './navigation'
import { useNoticesStore } from './notices'
import { useRunsStore } from './runs'

/** What the report page prints, and the one way every button and the menu export it. */
export const useReportStore = defineStore('report', () => {
  const run = ref<RunRecord | null>(null)
  const evaluation = ref<Evaluation | null>(null)
  const facts = ref<DatasetFacts | null>(null)
  const info = ref<SystemInfo | null>(null)
  /** The Overfit tab's checks for the run's dataset, model and scaling (step 4's evidence). */
  const checks = ref<RecipeChecks | null>(null)
  /** The search whose best configuration this run trains (run.tunedFrom). */
  const search = ref<SearchRecord | null>(null)
  const loading = ref(false)
  /** Why the report cannot be shown at all (the run is gone); parts that fail are left out instead. */
  const failure = ref<string | null>(null)
  const exporting = ref(false)
  const notices = useNoticesStore()

  async function load(runId: string): Promise<void> {
    loading.value = true
    failure.value = null
    try {
      const record = await lab().request('runs.get', { runId })
      run.value = record
      // A report of an untrained run, or of a dataset since deleted, still prints what is known.
      const [evaluated, datasetFacts, system, tunedBy, recipeChecks] = await Promise.allSettled([
        lab().request('evaluate.run', { runId, split: 'test' }),
        lab().request('explore.facts', { datasetId: record.datasetId }),
        lab().request('system.info', {}),
        record.tunedFrom
          ? lab().request('search.get', { searchId: record.tunedFrom.searchId })
          : Promise.resolve(null),
        lab().request('overfit.checks', {
          datasetId: record.datasetId,
          model: record.config.model,
          scaling: record.config.scaling,
          orNewest: true
        })
      ])
      search.value = tunedBy.status === 'fulfilled' ? tunedBy.value : null
      evaluation.value = evaluated.status === 'fulfilled' ? evaluated.value : null
      facts.value = datasetFacts.status === 'fulfilled' ? datasetFacts.value : null
      info.value = system.status === 'fulfilled' ? system.value : null
      checks.value = recipeChecks.status === 'fulfilled' ? recipeChecks.value : null
    } catch (error) {
      run.value = null
      failure.value = errorText(error)
      notices.error(error)
    } finally {
      loading.value = false
    }
  }

  /**
   * Electron prints the report route in a hidden window and asks where to save;
   * a browser cannot, so the page opens the report and prints itself.
   */
  async function exportReport(runId: string): Promise<void> {
    exporting.value = true
    try {
      const result = await lab().exportReport(runId)
      if (result.saved) {
        notices.info(
          result.path
            ? translate('runs.reportSaved', { path: result.path })
            : translate('runs.reportSavedSomewhere')
        )
      } else if (lab().transport === 'web') useNavigationStore().openReport(runId, true)
    } catch (error) {
      notices.error(error)
    } finally {
      exporting.value = false
    }
  }

  /** The menu's "Export report": the run open in Evaluate, else the newest trained run. */
  async function exportCurrent(): Promise<void> {
    const runs = useRunsStore()
    if (!runs.loaded) await runs.refresh()
    const runId = useEvaluationStore().runId ?? runs.latestEvaluable?.id ?? null
    if (runId) await exportReport(runId)
    else notices.info(translate('runs.noRunToReport'))
  }

  /** The desktop menu switches tabs and exports the report; it is wired here once. */
  function listenToMenu(): void {
    onMenuCommand((command) => {
      if (command.kind === 'tab') useNavigationStore().go(command.tab)
      else void exportCurrent()
    })
  }

  return {
    run,
    checks,
    evaluation,
    facts,
    search,
    info,
    loading,
    failure,
    exporting,
    load,
    exportReport,
    exportCurrent,
    listenToMenu
  }
})
