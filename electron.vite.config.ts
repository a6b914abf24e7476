import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { vueI18nFlags } from './vue-i18n-flags'

export default defineConfig({
  main: {
    build: {
      // Dependencies stay in node_modules (tfjs finds its native and wasm files there).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          engine: resolve(__dirname, 'src/main/lab/engine/process.ts'),
          'step-worker': resolve(__dirname, 'src/main/lab/engine/parallel/worker.ts'),
          server: resolve(__dirname, 'src/server/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/preload/index.ts'),
          'gpu-engine': resolve(__dirname, 'src/preload/gpu-engine.ts')
        }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // The GPU engine page (WebGPU, WebGL), loaded by a hidden window or headless Chromium.
          engine: resolve(__dirname, 'src/renderer/engine.html')
        }
      }
    },
    plugins: [vue()],
    define: vueI18nFlags
  }
})
