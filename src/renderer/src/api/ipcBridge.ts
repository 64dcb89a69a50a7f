import type { Envelope, ErrorData } from '@shared/errors'
import type { Bridge } from './bridge'

/** The shape the preload exposes; see src/preload/index.ts. */
export interface PreloadApi {
  methods: Record<string, (input: unknown, engine?: string) => Promise<Envelope<unknown>>>
  streams: Record<
    string,
    (input: unknown, onEvent: (data: unknown) => void, onEnd: (error: unknown) => void, engine?: string) => () => void
  >
  signals: Record<string, (input: unknown) => void>
}

export function createIpcBridge(preload: PreloadApi): Bridge {
  return {
    call(method, input, engine) {
      const fn = preload.methods[method]
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown method "${method}"` } })
      return fn(input, engine)
    },
    subscribe(stream, input, onEvent, onEnd, engine) {
      const fn = preload.streams[stream]
      if (!fn) {
        onEnd({ code: 'unknown_method', message: `Unknown stream "${stream}"` })
        return () => undefined
      }
      return fn(input, onEvent, (error) => onEnd(error as ErrorData), engine)
    },
    signal(name, input) {
      preload.signals[name]?.(input)
    },
    onState() {
      return () => undefined
    },
  }
}
