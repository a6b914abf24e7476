/**
 * The Overfit tab's state: the model of the Train tab's form, checked at init,
 * against baselines and on one batch. Results come from the lab's home
 * (<home>/checks/), never from browser storage.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  BaselineResult,
  DigitSample,
  ChecksKey,
  InitCheck,
  OverfitBatchResult,
  OverfitStep,
  RecipeChecks
} from '../../../shared/contract'
import { lab } from '../api/lab'
import { useNoticesStore } from './notices'
import { useTrainingStore } from './training'

/** A model big enough to memorise MNIST, nothing regularising it, epochs enough to get there. */
/** Images in the human quiz. */
export const quizSize = 20

export const overfitPreset = { units: [512, 512], epochs: 20 } as const

export const useOverfitStore = defineStore('overfit', () => {
  const notices = useNoticesStore()
  const training = useTrainingStore()

  const init = ref<InitCheck | null>(null)
  const baselines = ref<BaselineResult[] | null>(null)
  const result = ref<OverfitBatchResult | null>(null)
  const checks = ref<RecipeChecks | null>(null)
  const busy = ref<'init' | 'baselines' | 'batch' | null>(null)
  const batchSize = ref('32')
  const steps = ref('500')
  /** Live one-batch progress: the curve, the newest predictions, the batch's images. */
  const curve = shallowRef<{ x: number; y: number }[]>([])
  const predictions = ref<number[]>([])
  const batch = shallowRef<{ images: number[][]; labels: number[] } | null>(null)
  const curveVersion = ref(0)
  /** The first test images of the dataset: the prediction dynamics strip. */
  const strip = shallowRef<DigitSample[]>([])

  /** What the checks are about: the Train tab's model on the chosen dataset and scaling. */
  const key = computed<ChecksKey | null>(() => {
    const config = training.form.config
    return config
      ? { datasetId: config.datasetId, model: config.model, scaling: config.scaling }
      : null
  })

  let listening = false
  function listen(): void {
    if (listening) return
    listening = true
    lab().on('overfit.step', (step: OverfitStep) => {
      if (busy.value !== 'batch') return
      if (step.batch) batch.value = step.batch
      predictions.value = step.predictions
      curve.value = [...curve.value, { x: step.step, y: step.loss }]
      curveVersion.value += 1
    })
  }

  async function refreshChecks(): Promise<void> {
    if (!key.value) return
    try {
      checks.value = await lab().request('overfit.checks', key.value)
    } catch (error) {
      notices.error(error)
    }
  }

  async function job<T>(
    kind: NonNullable<typeof busy.value>,
    work: () => Promise<T>
  ): Promise<T | null> {
    if (busy.value) return null
    busy.value = kind
    try {
      return await work()
    } catch (error) {
      notices.error(error)
      return null
    } finally {
      busy.value = null
      void refreshChecks()
    }
  }

  /** The human quiz: its images, the learner's answers and, once scored, the model's. */
  const quiz = ref<{
    images: DigitSample[]
    answers: (number | null)[]
    modelAnswers: number[] | null
    runId: string
  } | null>(null)
  const quizScoring = ref(false)

  /** 20 test images drawn at random, each at most once. */
  async function startQuiz(runId: string): Promise<void> {
    if (!key.value) return
    const { datasetId } = key.value
    const sampleAt = (page: number) =>
      lab().request('explore.samples', {
        datasetId,
        split: 'test',
        classFilter: null,
        page,
        pageSize: 1
      })
    try {
      const total = (await sampleAt(0)).total
      const picked = new Set<number>()
      while (picked.size < Math.min(quizSize, total)) picked.add(Math.floor(Math.random() * total))
      const pages = await Promise.all([...picked].map(sampleAt))
      const images = pages.map((p) => p.items[0]!)
      quiz.value = {
        images,
        answers: images.map(() => null),
        modelAnswers: null,
        runId
      }
    } catch (error) {
      notices.error(error)
    }
  }

  function answer(index: number, value: number | null): void {
    if (quiz.value) quiz.value.answers[index] = value
  }

  /** Asks the run's model about the same images, then keeps the result in the lab's home. */
  async function scoreQuiz(): Promise<void> {
    const current = quiz.value
    if (!current || !key.value || quizScoring.value) return
    quizScoring.value = true
    try {
      const model = await Promise.all(
        current.images.map((image) =>
          lab().request('predict.image', { runId: current.runId, pixels: image.pixels })
        )
      )
      current.modelAnswers = model.map((m) => m.predicted)
      const correct = current.images.filter((img, i) => current.answers[i] === img.label).length
      const modelCorrect = current.images.filter(
        (img, i) => model[i]!.predicted === img.label
      ).length
      checks.value = await lab().request('overfit.human', {
        ...key.value,
        correct,
        modelCorrect,
        total: current.images.length
      })
    } catch (error) {
      notices.error(error)
    } finally {
      quizScoring.value = false
    }
  }

  async function loadStrip(): Promise<void> {
    if (!key.value) return
    try {
      const page = await lab().request('explore.samples', {
        datasetId: key.value.datasetId,
        split: 'test',
        classFilter: null,
        page: 0,
        pageSize: 16
      })
      strip.value = page.items
    } catch (error) {
      notices.error(error)
    }
  }

  async function checkInit(): Promise<void> {
    const config = training.form.config
    if (!config || !key.value) return
    const check = await job('init', () =>
      lab().request('overfit.checkInit', { ...key.value!, seed: config.seed })
    )
    if (check) init.value = check
  }

  async function runBaselines(): Promise<void> {
    const config = training.form.config
    if (!config || !key.value) return
    const rows = await job('baselines', () =>
      lab().request('overfit.baselines', { ...key.value!, seed: config.seed })
    )
    if (rows) baselines.value = rows
  }

  async function overfitBatch(): Promise<void> {
    const config = training.form.config
    if (!config || !key.value) return
    listen()
    curve.value = []
    predictions.value = []
    batch.value = null
    result.value = null
    curveVersion.value += 1
    const outcome = await job('batch', () =>
      lab().request('overfit.batch', {
        ...key.value!,
        seed: config.seed,
        learningRate: config.learningRate,
        batchSize: Number(batchSize.value),
        steps: Number(steps.value)
      })
    )
    if (outcome) {
      result.value = outcome
      predictions.value = outcome.predictions
    }
  }

  async function stop(): Promise<void> {
    try {
      await lab().request('overfit.stop', {})
    } catch (error) {
      notices.error(error)
    }
  }

  /** Puts the preset into the Train tab's form: MLP 784-512-512-10, no dropout or L2. */
  function applyPreset(): void {
    training.model = {
      ...training.model,
      kind: 'mlp',
      hidden: overfitPreset.units.map((units) => ({
        units: String(units),
        activation: 'relu',
        dropout: '0'
      }))
    }
    training.hyper = { ...training.hyper, l2: '0', epochs: String(overfitPreset.epochs) }
  }

  return {
    init,
    baselines,
    result,
    checks,
    busy,
    batchSize,
    steps,
    curve,
    curveVersion,
    predictions,
    batch,
    key,
    strip,
    loadStrip,
    quiz,
    quizScoring,
    startQuiz,
    answer,
    scoreQuiz,
    refreshChecks,
    checkInit,
    runBaselines,
    overfitBatch,
    stop,
    applyPreset
  }
})
