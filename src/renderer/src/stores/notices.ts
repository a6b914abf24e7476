import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toErrorInfo } from '../../../shared/contract'
import { errorText } from '../i18n/errors'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
  /** Notices on one topic replace each other: one engine crash is one message. */
  topic?: string
}

/** An engine crash fails every request in flight; the person needs to hear of it once. */
const engineCrashTopic = 'engine-crash'

/** Messages for the person at the screen: failures they must know about, never stack traces. */
export const useNoticesStore = defineStore('notices', () => {
  const items = ref<Notice[]>([])
  let nextId = 1

  function push(kind: Notice['kind'], text: string, topic?: string): void {
    const others = items.value.filter(
      (n) => n.text !== text && (topic === undefined || n.topic !== topic)
    )
    items.value = [...others, { id: nextId++, kind, text, ...(topic ? { topic } : {}) }]
  }

  function error(error: unknown): void {
    const info = toErrorInfo(error)
    push('error', errorText(info), info.code === 'engine_crashed' ? engineCrashTopic : undefined)
  }

  /** The engine process died (reported by its status, not by a request). */
  function engineCrashed(text: string): void {
    push('error', text, engineCrashTopic)
  }

  function info(text: string): void {
    push('info', text)
  }

  function dismiss(id: number): void {
    items.value = items.value.filter((n) => n.id !== id)
  }

  return { items, error, engineCrashed, info, dismiss }
})
