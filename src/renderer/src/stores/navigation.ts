import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { tabNames, type TabName } from '../../../shared/contract'

export type Route = { kind: 'tab'; tab: TabName } | { kind: 'report'; runId: string; print: boolean }

/** Routes live in the hash (#/train, #/report/<runId>) so a file:// page can use them. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const report = /^\/report\/([a-z0-9-]+)(\?print)?$/.exec(path)
  if (report) return { kind: 'report', runId: report[1], print: report[2] !== undefined }
  const tab = tabNames.find((t) => `/${t.toLowerCase()}` === path)
  return { kind: 'tab', tab: tab ?? 'Explore' }
}

export const useNavigationStore = defineStore('navigation', () => {
  const route = ref<Route>(parseHash(window.location.hash))
  const tab = computed<TabName>(() => (route.value.kind === 'tab' ? route.value.tab : 'Explore'))

  window.addEventListener('hashchange', () => {
    route.value = parseHash(window.location.hash)
  })

  function go(next: TabName): void {
    window.location.hash = `#/${next.toLowerCase()}`
    route.value = { kind: 'tab', tab: next }
  }

  function openReport(runId: string, print = false): void {
    window.location.hash = `#/report/${runId}${print ? '?print' : ''}`
    route.value = { kind: 'report', runId, print }
  }

  return { route, tab, go, openReport }
})
