import type { Readable } from 'node:stream'
import { isMethodName, isStreamName, methodScope, streamScope } from '../../../src/shared/contract'
import { WharfError, type Envelope, type ErrorData } from '../../../src/shared/errors'
import { createApi, type Api } from '../../../src/main/api/router'
import { createAppServices, STARTUP_ENGINE, type AppOptions, type AppServices } from '../../../src/main/appServices'
import type { Download } from '../../../src/main/downloads/downloads'
import { transferRoutes } from '../../../src/main/downloads/transfers'
import type { EngineScope } from '../../../src/main/engine/scope'
import { waitFor } from './engine'

/** The API as one window uses it on one engine: engine-scoped calls name that engine, app-wide ones none. */
export interface BoundApi {
  call(method: string, input: unknown): Promise<Envelope<unknown>>
  subscribe(stream: string, input: unknown, onEvent: (event: unknown) => void, onEnd?: (error?: ErrorData) => void): () => void
  signal(name: string, input: unknown): void
}

export function bindApi(api: Api, engine: string): BoundApi {
  const onEngine = (scoped: boolean): string | undefined => (scoped ? engine : undefined)
  return {
    call: (method, input) => api.call(method, input, onEngine(!isMethodName(method) || methodScope(method) === 'engine')),
    subscribe: (stream, input, onEvent, onEnd) =>
      api.subscribe(stream, input, { emit: onEvent, end: onEnd }, onEngine(!isStreamName(stream) || streamScope(stream) === 'engine')),
    signal: (name, input) => api.signal(name, input),
  }
}

export interface TestApp {
  app: AppServices
  /** The engine the app started with (the test engine, or `engine` when given). */
  engine: EngineScope
  api: BoundApi
  raw: Api
}

/** The real main-process API on the test engine, as both transports use it. */
export async function startApi(engine?: string, options: Omit<AppOptions, 'explicit'> = {}): Promise<TestApp> {
  const app = createAppServices({ explicit: engine, ...options })
  const scope = app.engines.require(STARTUP_ENGINE)
  await waitFor(() => scope.connection.getStatus().state === 'connected', 'the engine to connect')
  const raw = createApi(app)
  return { app, engine: scope, api: bindApi(raw, STARTUP_ENGINE), raw }
}

export async function ok<T = unknown>(api: BoundApi, method: string, input: unknown = {}): Promise<T> {
  const envelope = await api.call(method, input)
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.result as T
}

export async function fails(api: BoundApi, method: string, input: unknown = {}) {
  const envelope = await api.call(method, input)
  if (envelope.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(envelope.result)}`)
  return envelope.error
}

/** What a transfer needs: the app (its tickets and engines) and the API a window uses. */
export type TransferCtx = Pick<TestApp, 'app' | 'api'>

async function ticket(ctx: TransferCtx, method: 'transfers.download' | 'transfers.upload', spec: unknown): Promise<string> {
  const envelope = await ctx.api.call(method, spec)
  if (!envelope.ok) throw new WharfError(envelope.error)
  return (envelope.result as { ticket: string }).ticket
}

/** A download as the renderer makes one: a ticket through the contract (validated), then the stream it names. */
export async function download(ctx: TransferCtx, spec: unknown): Promise<Download> {
  return transferRoutes(ctx.app).download(await ticket(ctx, 'transfers.download', spec))
}

/** An upload as the renderer makes one: a ticket through the contract (validated), then the body. */
export async function upload(ctx: TransferCtx, spec: unknown, body: Readable, length?: number): Promise<unknown> {
  return transferRoutes(ctx.app).upload(await ticket(ctx, 'transfers.upload', spec), body, length)
}

/** The HTTP path of an upload, as the page gets it: `/upload/<ticket>`. */
export async function uploadPath(ctx: TransferCtx, spec: unknown): Promise<string> {
  return `/upload/${await ticket(ctx, 'transfers.upload', spec)}`
}
