import { createApi, type Api } from '../../../src/main/api/router'
import { createServices } from '../../../src/main/api/services'
import type { Services } from '../../../src/main/api/handlers'
import type { Readable } from 'node:stream'
import { transferRoutes } from '../../../src/main/downloads/transfers'
import type { Download } from '../../../src/main/downloads/downloads'
import { WharfError } from '../../../src/shared/errors'
import { waitFor } from './engine'

/** The real main-process API on the test engine, as both transports use it. */
export async function startApi(
  engine?: string,
  options: { archiveOnlyHelpers?: boolean } = {},
): Promise<{ api: Api; services: Services & { dispose(): Promise<void> } }> {
  const services = createServices({ explicit: engine, ...options })
  await waitFor(() => services.engine.getStatus().state === 'connected', 'the engine to connect')
  return { api: createApi(services), services }
}

export async function ok<T = unknown>(api: Api, method: string, input: unknown = {}): Promise<T> {
  const envelope = await api.call(method, input)
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.result as T
}

export async function fails(api: Api, method: string, input: unknown = {}) {
  const envelope = await api.call(method, input)
  if (envelope.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(envelope.result)}`)
  return envelope.error
}

type Ctx = { api: Api; services: Services }

async function ticket(ctx: Ctx, method: 'transfers.download' | 'transfers.upload', spec: unknown): Promise<string> {
  const envelope = await ctx.api.call(method, spec)
  if (!envelope.ok) throw new WharfError(envelope.error)
  return (envelope.result as { ticket: string }).ticket
}

/** A download as the renderer makes one: a ticket through the contract (validated), then the stream it names. */
export async function download(ctx: Ctx, spec: unknown): Promise<Download> {
  return transferRoutes(ctx.services).download(await ticket(ctx, 'transfers.download', spec))
}

/** An upload as the renderer makes one: a ticket through the contract (validated), then the body. */
export async function upload(ctx: Ctx, spec: unknown, body: Readable, length?: number): Promise<unknown> {
  return transferRoutes(ctx.services).upload(await ticket(ctx, 'transfers.upload', spec), body, length)
}
