/**
 * What a transport must give the renderer. Two implementations: the Electron preload
 * (window.wharf) and the browser-mode WebSocket. Stores never see which one runs.
 * `engine` names the engine an engine-scoped method or stream acts on; app-wide ones
 * pass none (main refuses a mismatch either way).
 */
import type { Envelope, ErrorData } from '@shared/errors'

/**
 * `reconnecting`: the server does not answer (restarting, network down). `signedOut`: it
 * answers but no longer knows this page's session (it restarted, or the session went
 * unused too long); only opening the address with the token again helps.
 */
export type TransportState = 'open' | 'reconnecting' | 'signedOut'

export interface Bridge {
  call(method: string, input: unknown, engine?: string): Promise<Envelope<unknown>>
  /** Opens a stream; `onEnd` runs if main refuses or ends it. Returns a closer. */
  subscribe(
    stream: string,
    input: unknown,
    onEvent: (data: unknown) => void,
    onEnd: (error?: ErrorData) => void,
    engine?: string,
  ): () => void
  /** A fire-and-forget message (contract `signals`). */
  signal(name: string, input: unknown): void
  /** Transport-level state; Electron IPC is always open. */
  onState(listener: (state: TransportState) => void): () => void
}
