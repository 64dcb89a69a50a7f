/**
 * The API both transports serve: `call` runs one contract method, `subscribe` opens one
 * stream, `signal` passes a fire-and-forget message. Every input is validated here
 * against the contract's schema before a service sees it; an engine-scoped method or
 * stream runs on the engine the transport names beside the input (and is refused
 * without one); every failure comes back as ErrorData — nothing a client sends can throw
 * past this point.
 */
import {
  isMethodName,
  isSignalName,
  isStreamName,
  methods,
  signals,
  streams,
  type MethodName,
  type StreamName,
} from '../../shared/contract'
import { WharfError, type Envelope, type ErrorData } from '../../shared/errors'
import type { AppServices } from '../appServices'
import { toWharfError } from '../engine/engineError'
import { composeMethods, composeStreams } from './compose'
import { containerMethods, containerStreams } from './containers'
import type { AppContext, EngineContext, MethodHandlers, SignalHandlers, StreamHandlers, StreamSink } from './context'
import { engineMethods, engineStreams } from './engine'
import { enginesMethods, enginesStreams } from './engines'
import { imageMethods, imageStreams } from './images'
import { networkMethods, networkStreams } from './networks'
import { swarmMethods, swarmStreams } from './swarm'
import { validate } from './validate'
import { volumeMethods, volumeStreams } from './volumes'
import { workMethods, workSignals, workStreams } from './work'

/** Where a stream's events go; the transport's side of it. */
export interface ClientSink {
  emit: (event: unknown) => void
  /** Runs at most once, when the stream finishes on its own (with the error, if any). */
  end?: (error?: ErrorData) => void
  /** False while the client is behind; producers that can pause wait for true. */
  ready?: () => boolean
}

export interface Api {
  call(method: unknown, input: unknown, engine?: unknown): Promise<Envelope<unknown>>
  /** Opens a stream; returns a function that closes it. Throws WharfError on bad input or an unknown engine. */
  subscribe(stream: unknown, input: unknown, sink: ClientSink, engine?: unknown): () => void
  /** A fire-and-forget message; one that is unknown or invalid is dropped (and reported in the log). */
  signal(name: unknown, input: unknown): void
  /** A window or page connected; call the result when it goes away. */
  clientConnected(): () => void
}

// Every domain's handlers, joined; the types make a missing or extra name a compile error.
const methodHandlers: MethodHandlers<MethodName> = {
  ...engineMethods,
  ...enginesMethods,
  ...containerMethods,
  ...imageMethods,
  ...networkMethods,
  ...volumeMethods,
  ...workMethods,
  ...composeMethods,
  ...swarmMethods,
}
const streamHandlers: StreamHandlers<StreamName> = {
  ...engineStreams,
  ...enginesStreams,
  ...containerStreams,
  ...imageStreams,
  ...networkStreams,
  ...volumeStreams,
  ...workStreams,
  ...composeStreams,
  ...swarmStreams,
}
const signalHandlers: SignalHandlers<keyof typeof signals> = workSignals

type AnyHandler = (input: unknown, ctx: AppContext | EngineContext) => Promise<unknown>
type AnyStream = (input: unknown, sink: StreamSink<unknown>, ctx: AppContext | EngineContext) => () => void

export function createApi(app: AppServices): Api {
  /** The services a call runs with: the app's, and for an engine-scoped one the engine's. */
  function contextFor(scope: 'engine' | 'app', engine: unknown): AppContext | EngineContext {
    if (scope === 'app') {
      if (engine !== undefined && engine !== null)
        throw new WharfError({ code: 'invalid_input', message: 'This call belongs to the whole app and takes no engine' })
      return app
    }
    if (engine !== undefined && typeof engine !== 'string')
      throw new WharfError({ code: 'invalid_input', message: 'An engine id is a string' })
    return { ...app, engine: app.engines.require(engine) }
  }

  return {
    async call(method, input, engine) {
      try {
        if (!isMethodName(method)) {
          throw new WharfError({ code: 'unknown_method', message: `Unknown method "${String(method).slice(0, 100)}"` })
        }
        const spec = methods[method]
        const ctx = contextFor(spec.scope, engine)
        const parsed = validate(spec.input, input, method)
        return { ok: true, result: await (methodHandlers[method] as AnyHandler)(parsed, ctx) }
      } catch (err) {
        return { ok: false, error: toErrorData(err) }
      }
    },
    subscribe(stream, input, client, engine) {
      if (!isStreamName(stream)) {
        throw new WharfError({ code: 'unknown_method', message: `Unknown stream "${String(stream).slice(0, 100)}"` })
      }
      const spec = streams[stream]
      const ctx = contextFor(spec.scope, engine)
      const parsed = validate(spec.input, input, stream)
      let ended = false
      const sink: StreamSink<unknown> = {
        emit: (event) => client.emit(event),
        end: (error) => {
          if (ended) return
          ended = true
          client.end?.(error === undefined ? undefined : toErrorData(error))
        },
        ready: () => client.ready?.() ?? true,
      }
      return (streamHandlers[stream] as AnyStream)(parsed, sink, ctx)
    },
    signal(name, input) {
      try {
        if (!isSignalName(name)) throw new Error(`unknown signal "${String(name).slice(0, 100)}"`)
        const handler = signalHandlers[name] as (input: unknown, ctx: AppContext) => void
        handler(validate(signals[name], input, name), app)
      } catch (err) {
        console.warn('wharf: dropped a signal:', (err as Error).message)
      }
    },
    clientConnected: () => app.terminals.clientConnected(),
  }
}

export function toErrorData(err: unknown): ErrorData {
  const wharfError = toWharfError(err)
  if (wharfError.code === 'internal') console.error('wharf: internal error', err)
  return wharfError.toData()
}
