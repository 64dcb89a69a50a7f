// Podman under load answers /_ping at once but /version only after seconds; Wharf must
// connect anyway. A relay in front of the real Podman service holds every /version request.
import Dockerode from 'dockerode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineStatus } from '../../src/shared/types'
import { createAppServices } from '../../src/main/appServices'
import { optionsForEndpoint } from '../../src/main/engine/endpoint'
import { waitFor } from './support/engine'
import { SocketRelay } from './support/socketRelay'

const host = process.env.WHARF_TEST_PODMAN_HOST
const VERSION_DELAY_MS = 6000
let relay: SocketRelay

beforeAll(async () => {
  if (!host)
    throw new Error('WHARF_TEST_PODMAN_HOST is not set: run the tests with `npm test`, or export what `npm run engines -- start` prints.')
  relay = new SocketRelay(host.replace(/^unix:\/\//, ''), { hold: { pattern: /^GET \S*\/version[ ?]/m, ms: VERSION_DELAY_MS } })
  await relay.start()
})
afterAll(async () => {
  await relay?.stop()
  relay?.dispose()
})

describe('an engine whose /version is slow', () => {
  it('connects on /_ping, knows it is Podman at once, and adds the version when it answers', async () => {
    const app = createAppServices({ explicit: `unix://${relay.path}` })
    const engine = app.engines.require('local')
    const statuses: EngineStatus[] = [engine.connection.getStatus()]
    const stop = engine.connection.statusChanged.add((s) => statuses.push(s))
    try {
      const connected = await waitFor(() => statuses.find((s) => s.state === 'connected'), 'the connected status', VERSION_DELAY_MS - 2000)
      expect(connected.flavor).toBe('podman')
      expect(connected.version).toBeUndefined()
      const containers = await engine.containers.list()
      expect(Array.isArray(containers)).toBe(true)

      const withVersion = await waitFor(
        () => statuses.find((s) => s.state === 'connected' && s.version),
        'the version',
        VERSION_DELAY_MS + 5000,
      )
      const direct = await new Dockerode(optionsForEndpoint(host!)).version()
      expect(withVersion.version).toBe(direct.Version)
      expect(withVersion.flavor).toBe('podman')
      expect(statuses.some((s) => s.state === 'unavailable' || s.state === 'disconnected')).toBe(false)
    } finally {
      stop()
      await app.dispose()
    }
  })
})
