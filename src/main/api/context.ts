/**
 * What a handler gets: the validated input, and the services it acts with — the app's
 * for an app method, and also the engine's scope for an engine method (the router
 * resolves the engine the call names; a handler never picks one itself).
 */
import type {
  MethodInput,
  MethodName,
  MethodOutput,
  SignalInput,
  SignalName,
  StreamEvent,
  StreamInput,
  StreamName,
  methods,
  streams,
} from '../../shared/contract'
import type { AppServices } from '../appServices'
import type { EngineScope } from '../engine/scope'

export type PathPicker = (kind: 'folder' | 'archive' | 'compose') => Promise<{ path: string | null }>
export type ExternalOpener = (url: string) => Promise<void>

export type AppContext = AppServices
export interface EngineContext extends AppContext {
  engine: EngineScope
}

type ContextOf<Scope> = Scope extends 'engine' ? EngineContext : AppContext

export type MethodHandlers<Names extends MethodName> = {
  [M in Names]: (input: MethodInput<M>, ctx: ContextOf<(typeof methods)[M]['scope']>) => Promise<MethodOutput<M>>
}

/** Plain functions (not methods): handlers pass `sink.emit` on as a listener. */
export interface StreamSink<E> {
  emit: (event: E) => void
  /** Call once when the stream finishes by itself; pass the error if it failed. */
  end: (error?: unknown) => void
  /** False while the consumer is behind; producers that can pause should wait for true. */
  ready: () => boolean
}

export type StreamHandlers<Names extends StreamName> = {
  [S in Names]: (input: StreamInput<S>, sink: StreamSink<StreamEvent<S>>, ctx: ContextOf<(typeof streams)[S]['scope']>) => () => void
}

export type SignalHandlers<Names extends SignalName> = {
  [N in Names]: (input: SignalInput<N>, ctx: AppContext) => void
}

/** The names of a domain: `Prefixed<MethodName, 'containers'>` is every 'containers.*' method. */
export type Prefixed<Names extends string, P extends string> = Extract<Names, `${P}.${string}`>
