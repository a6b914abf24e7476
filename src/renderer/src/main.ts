import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Shared styles first, so a component's own rules win over them when equally specific.
import './styles.css'
import App from './App.vue'
import { lab } from './api/lab'
import { i18n, setLocale } from './i18n'
import { initialLocale } from './i18n/locales'

async function start(): Promise<void> {
  // The language is settled before the first paint, so nothing flashes in English first.
  const preferred = await lab()
    .preferredLanguages()
    .catch(() => [...navigator.languages])
  setLocale(initialLocale(preferred, window.localStorage))
  createApp(App).use(createPinia()).use(i18n).mount('#app')
}

void start()
