/// <reference types="vite/client" />
import type { LabBridge } from '../../shared/contract'

declare global {
  interface Window {
    /** Present in Electron (the preload's bridge); absent in web mode. */
    lab?: LabBridge
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
