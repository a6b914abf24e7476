import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EngineState, SystemInfo } from '../../../shared/contract'
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
      engineMessage.value = status.message ?? null
      if (status.state === 'crashed' && status.message) notices.engineCrashed(status.message)
      if (status.state === 'ready') void refresh()
    })
    onConnectionChange((up) => {
      connected.value = up
      if (up) void refresh()
    })
  }

  return { info, engineState, engineMessage, connected, refresh, listen }
})
