import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
// Shared styles first, so a component's own rules win over them when equally specific.
import './styles.css'
import App from './App.vue'
import { lab } from './api/lab'
import { i18n, setLocale } from './i18n'
import { initialLocale } from '../../shared/locales'

async function start(): Promise<void> {
  // The language is settled before the first paint, so nothing flashes in English first.
  const preferred = await lab()
    .preferredLanguages()
    .catch(() => [...navigator.languages])
  setLocale(initialLocale(preferred, window.localStorage))
  // The desktop app's menu bar speaks the page's language, from the start and after a switch.
  watch(i18n.global.locale, (locale) => lab().useLanguage(locale), { immediate: true })
  createApp(App).use(createPinia()).use(i18n).mount('#app')
}

void start()
