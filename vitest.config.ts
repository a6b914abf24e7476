import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { vueI18nFlags } from './vue-i18n-flags'

export default defineConfig({
  plugins: [vue()],
  define: vueI18nFlags,
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Engine tests fork processes and train small models: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
