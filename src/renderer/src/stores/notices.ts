import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toErrorInfo } from '../../../shared/contract'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
}

/** Messages for the person at the screen: failures they must know about, never stack traces. */
export const useNoticesStore = defineStore('notices', () => {
  const items = ref<Notice[]>([])
  let nextId = 1

  function push(kind: Notice['kind'], text: string): void {
    items.value = [...items.value.filter((n) => n.text !== text), { id: nextId++, kind, text }]
  }

  function error(error: unknown): void {
    push('error', toErrorInfo(error).message)
  }

  function info(text: string): void {
    push('info', text)
  }

  function dismiss(id: number): void {
    items.value = items.value.filter((n) => n.id !== id)
  }

  return { items, error, info, dismiss }
})
