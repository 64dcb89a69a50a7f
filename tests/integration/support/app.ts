import { createApi, type Api } from '../../../src/main/api/router'
import { createServices } from '../../../src/main/api/services'
import type { Services } from '../../../src/main/api/handlers'
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
