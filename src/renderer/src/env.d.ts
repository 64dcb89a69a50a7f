/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** A locale's messages, compiled at build time (build/precompiledMessages.ts). */
declare module 'virtual:wharf-messages/*' {
  const messages: Record<string, unknown>
  export default messages
}
