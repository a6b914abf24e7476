import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { LrFindProgressEvent, LrFindResult } from '../../../shared/contract'
import { lab } from '../api/lab'
import { useNavigationStore } from './navigation'
import { useNoticesStore } from './notices'
import { useTrainingStore } from './training'

/**
 * The Tune tab: the learning-rate finder, run on the Train form's model and
 * settings, and the way its suggestion goes back into that form.
 */
export const useTuneStore = defineStore('tune', () => {
  const training = useTrainingStore()
  const notices = useNoticesStore()
  const navigation = useNavigationStore()

  const finding = ref(false)
  const progress = shallowRef<LrFindProgressEvent | null>(null)
  const result = shallowRef<LrFindResult | null>(null)
  /** The Train form's config; the finder needs a valid one (its model, optimizer, batch size). */
  const canFind = computed(
    () => !finding.value && !training.active && training.form.config !== null
  )

  let listening = false
  function listen(): void {
    if (listening) return
    listening = true
    lab().on('lr.progress', (event) => {
      if (finding.value) progress.value = event
    })
  }

  async function findRate(): Promise<void> {
    const config = training.form.config
    if (!config || finding.value) return
    finding.value = true
    progress.value = null
    result.value = null
    try {
      result.value = await lab().request('lr.find', { config })
    } catch (error) {
      notices.error(error)
    } finally {
      finding.value = false
    }
  }

  /** Puts the suggestion into the Train form and opens it. */
  function useSuggestion(): void {
    if (!result.value) return
    training.hyper = {
      ...training.hyper,
      learningRate: String(Number(result.value.suggestion.toPrecision(2)))
    }
    navigation.go('Train')
  }

  return { finding, progress, result, canFind, listen, findRate, useSuggestion }
})
