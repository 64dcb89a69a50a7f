// Networks against Podman's Docker-compatible API, the second engine `npm test` starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NetworkSummary } from '../../src/shared/networks'
import { ok, startApi } from './support/app'

const host = process.env.WHARF_TEST_PODMAN_HOST
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  if (!host)
    throw new Error('WHARF_TEST_PODMAN_HOST is not set: run the tests with `npm test`, or export what `npm run engines -- start` prints.')
  ctx = await startApi(host)
  expect(ctx.engine.connection.getStatus().flavor).toBe('podman')
})
afterAll(async () => {
  await ctx?.app.dispose()
})

describe('networks on Podman', () => {
  it("marks Podman's default network as built in, so it is offered for neither removal nor prune", async () => {
    const listed = await ok<NetworkSummary[]>(ctx.api, 'networks.list')
    expect(listed.find((n) => n.name === 'podman')).toMatchObject({ builtIn: true, driver: 'bridge' })
  })
})
