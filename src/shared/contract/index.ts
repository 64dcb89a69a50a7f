/**
 * The one contract between the renderer and main. Both transports (Electron IPC and
 * the browser-mode WebSocket) carry exactly these methods, streams and signals; main
 * validates every input against the schema here before any service sees it. Each
 * domain declares its part in its own file; this one joins them and checks them
 * against contractNames.ts (the schema-free list the sandboxed preload is built from).
 */
import type { z } from 'zod'
import { METHOD_NAMES, SIGNAL_NAMES, STREAM_NAMES } from '../contractNames'
import type { MethodName as ListedMethod, SignalName as ListedSignal, StreamName as ListedStream } from '../contractNames'
import { composeMethods, composeStreams } from './compose'
import { containersMethods, containersStreams } from './containers'
import { engineMethods, engineStreams } from './engine'
import { enginesMethods, enginesStreams } from './engines'
import { filesMethods } from './files'
import { imagesMethods, imagesStreams } from './images'
import { networksMethods, networksStreams } from './networks'
import type { MethodSpec, Scope, StreamSpec } from './spec'
import { swarmMethods, swarmStreams } from './swarm'
import { tasksMethods, tasksStreams } from './tasks'
import { terminalsMethods, terminalsSignals, terminalsStreams } from './terminals'
import { transfersMethods } from './transfers'
import { volumesMethods, volumesStreams } from './volumes'

export type { Scope } from './spec'

export const methods = {
  ...engineMethods,
  ...enginesMethods,
  ...containersMethods,
  ...imagesMethods,
  ...networksMethods,
  ...volumesMethods,
  ...filesMethods,
  ...transfersMethods,
  ...tasksMethods,
  ...terminalsMethods,
  ...composeMethods,
  ...swarmMethods,
} as const satisfies Record<ListedMethod, MethodSpec<z.ZodType, unknown>>

export const streams = {
  ...engineStreams,
  ...enginesStreams,
  ...containersStreams,
  ...imagesStreams,
  ...networksStreams,
  ...volumesStreams,
  ...tasksStreams,
  ...terminalsStreams,
  ...composeStreams,
  ...swarmStreams,
} as const satisfies Record<ListedStream, StreamSpec<z.ZodType, unknown>>

/**
 * Fire-and-forget messages: no reply, no ordering promise with calls. Main validates
 * them like everything else and drops what fails. They act on terminal sessions, which
 * belong to the app, so they take no engine.
 */
export const signals = { ...terminalsSignals } as const satisfies Record<ListedSignal, z.ZodType>

export type MethodName = keyof typeof methods
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>
export type MethodOutput<M extends MethodName> = NonNullable<(typeof methods)[M]['output']>
export type StreamName = keyof typeof streams
export type StreamInput<S extends StreamName> = z.input<(typeof streams)[S]['input']>
export type StreamEvent<S extends StreamName> = NonNullable<(typeof streams)[S]['event']>
export type SignalName = keyof typeof signals
export type SignalInput<N extends SignalName> = z.input<(typeof signals)[N]>

/** Methods that act on one engine: a call names the engine beside its input. */
export type EngineMethodName = { [M in MethodName]: (typeof methods)[M]['scope'] extends 'engine' ? M : never }[MethodName]
export type AppMethodName = Exclude<MethodName, EngineMethodName>
export type EngineStreamName = { [S in StreamName]: (typeof streams)[S]['scope'] extends 'engine' ? S : never }[StreamName]
export type AppStreamName = Exclude<StreamName, EngineStreamName>

export const methodNames: readonly MethodName[] = METHOD_NAMES
export const streamNames: readonly StreamName[] = STREAM_NAMES
export const signalNames: readonly SignalName[] = SIGNAL_NAMES

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name)
}

export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(streams, name)
}

export function isSignalName(name: unknown): name is SignalName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(signals, name)
}

export function methodScope(name: MethodName): Scope {
  return methods[name].scope
}

export function streamScope(name: StreamName): Scope {
  return streams[name].scope
}
