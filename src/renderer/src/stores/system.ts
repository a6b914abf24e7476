import { defineStore } from 'pinia'
import { ref } from 'vue'
import { LabError, type EngineState, type SystemInfo } from '../../../shared/contract'
import { errorText } from '../i18n/errors'
import { lab, onConnectionChange } from '../api/lab'
import { useNoticesStore } from './notices'

/** The engine's health and the backend it runs, for the status bar. */
export const useSystemStore = defineStore('system', () => {
  const info = ref<SystemInfo | null>(null)
  const engineState = ref<EngineState>('starting')
  const engineMessage = ref<string | null>(null)
  const connected = ref(true)
  const notices = useNoticesStore()

  async function refresh(): Promise<void> {
    try {
      info.value = await lab().request('system.info', {})
      engineState.value = 'ready'
    } catch (error) {
      notices.error(error)
    }
  }

  function listen(): void {
    lab().on('engine.status', (status) => {
      engineState.value = status.state
      // Worded in the chosen language where the catalogue has the words, else the engine's own.
      const text =
        status.message === undefined
          ? null
          : errorText(new LabError('engine_crashed', status.message, status.text))
      engineMessage.value = text
      if (status.state === 'crashed' && text) notices.engineCrashed(text)
      if (status.state === 'ready') void refresh()
    })
    onConnectionChange((up) => {
      connected.value = up
      if (up) void refresh()
    })
  }

  return { info, engineState, engineMessage, connected, refresh, listen }
})
