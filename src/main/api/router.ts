/**
 * The API both transports serve: `call` runs one contract method, `subscribe` opens one
 * stream. Every input is validated here against the contract's schema before a service
 * sees it, and every failure comes back as ErrorData — nothing a client sends can throw
 * past this point.
 */
import { isMethodName, isSignalName, isStreamName, methods, signals, streams } from '../../shared/contract'
import { WharfError, type Envelope, type ErrorData } from '../../shared/errors'
import { toWharfError } from '../engine/engineError'
import { createHandlers, createSignalHandlers, createStreamHandlers, type Services } from './handlers'
import { validate } from './validate'

export interface Api {
  call(method: unknown, input: unknown): Promise<Envelope<unknown>>
  /**
   * Opens a stream; returns a function that closes it. Throws WharfError on bad input.
   * `end` runs at most once, when the stream finishes on its own (with the error, if any).
   */
  subscribe(
    stream: unknown,
    input: unknown,
    emit: (event: unknown) => void,
    end?: (error?: ErrorData) => void,
    ready?: () => boolean,
  ): () => void
  /** A fire-and-forget message; one that is unknown or invalid is dropped (and reported in the log). */
  signal(name: unknown, input: unknown): void
  /** A window or page connected; call the result when it goes away. */
  clientConnected(): () => void
}

export function createApi(services: Services): Api {
  const handlers = createHandlers(services) as Record<string, (input: unknown) => Promise<unknown>>
  const streamHandlers = createStreamHandlers(services) as unknown as Record<
    string,
    (input: unknown, emit: (e: unknown) => void, end: (error?: unknown) => void, ready: () => boolean) => () => void
  >
  const signalHandlers = createSignalHandlers(services) as unknown as Record<string, (input: unknown) => void>

  return {
    async call(method, input) {
      try {
        if (!isMethodName(method)) {
          throw new WharfError({ code: 'unknown_method', message: `Unknown method "${String(method).slice(0, 100)}"` })
        }
        const parsed = validate(methods[method].input, input, method)
        return { ok: true, result: await handlers[method](parsed) }
      } catch (err) {
        return { ok: false, error: toErrorData(err) }
      }
    },
    subscribe(stream, input, emit, end = () => undefined, ready = () => true) {
      if (!isStreamName(stream)) {
        throw new WharfError({ code: 'unknown_method', message: `Unknown stream "${String(stream).slice(0, 100)}"` })
      }
      const parsed = validate(streams[stream].input, input, stream)
      let ended = false
      return streamHandlers[stream](
        parsed,
        emit,
        (error) => {
          if (ended) return
          ended = true
          end(error === undefined ? undefined : toErrorData(error))
        },
        ready,
      )
    },
    signal(name, input) {
      try {
        if (!isSignalName(name)) throw new Error(`unknown signal "${String(name).slice(0, 100)}"`)
        signalHandlers[name](validate(signals[name], input, name))
      } catch (err) {
        console.warn('wharf: dropped a signal:', (err as Error).message)
      }
    },
    clientConnected: () => services.terminals.clientConnected(),
  }
}

export function toErrorData(err: unknown): ErrorData {
  const wharfError = toWharfError(err)
  if (wharfError.code === 'internal') console.error('wharf: internal error', err)
  return wharfError.toData()
}
