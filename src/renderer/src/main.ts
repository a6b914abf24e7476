import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Shared styles first, so a component's own rules win over them when equally specific.
import './styles.css'
import App from './App.vue'

createApp(App).use(createPinia()).mount('#app')
