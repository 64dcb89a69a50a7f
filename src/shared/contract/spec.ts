/**
 * How a contract entry is declared. Every method and stream says its scope: `engine`
 * ones act on one engine and are dispatched by the engine id the transport carries
 * beside the input (the router refuses one without it); `app` ones belong to the whole
 * app (tasks, terminal sessions, engines, settings) and take no engine.
 */
import type { z } from 'zod'

export type Scope = 'engine' | 'app'

export interface MethodSpec<I extends z.ZodType, O, S extends Scope = Scope> {
  input: I
  scope: S
  /** Phantom field carrying the output type; never set at run time. */
  output?: O
}

export interface StreamSpec<I extends z.ZodType, E, S extends Scope = Scope> {
  input: I
  scope: S
  /** Phantom field carrying the event type; never set at run time. */
  event?: E
}

export function engineMethod<I extends z.ZodType, O>(input: I): MethodSpec<I, O, 'engine'> {
  return { input, scope: 'engine' }
}

export function appMethod<I extends z.ZodType, O>(input: I): MethodSpec<I, O, 'app'> {
  return { input, scope: 'app' }
}

export function engineStream<I extends z.ZodType, E>(input: I): StreamSpec<I, E, 'engine'> {
  return { input, scope: 'engine' }
}

export function appStream<I extends z.ZodType, E>(input: I): StreamSpec<I, E, 'app'> {
  return { input, scope: 'app' }
}
