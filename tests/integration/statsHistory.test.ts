import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StatsSample } from '../../src/shared/types'
import { startApi } from './support/app'
import { cleanup, createTestContainer, testDocker, waitFor } from './support/engine'
import { collect } from './support/streams'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
})

describe('containers.stats history kept in main', () => {
  it('gives a viewer who comes back the samples taken while away, then live ones', async () => {
    const c = await createTestContainer(docker, { start: true })
    const first = collect<StatsSample>(ctx.api, 'containers.stats', { id: c.id })
    await waitFor(() => first.events.length >= 2, 'two stats samples', 15_000)
    first.close()
    const seen = first.events.length
    const leftAt = first.events.at(-1)!.time

    // Away: main keeps following the container. Back: the history arrives at once, before a live sample could.
    await waitFor(() => Date.now() - leftAt > 2500, 'time passing')
    const again = collect<StatsSample>(ctx.api, 'containers.stats', { id: c.id })
    // Two or more seconds away at one sample a second: at least two samples newer than the first viewer saw.
    await waitFor(() => again.events.length >= seen + 2, 'the kept history', 500)
    const times = again.events.map((s) => s.time)
    expect(times.slice(0, seen)).toEqual(first.events.map((s) => s.time))
    expect(times.some((time) => time > leftAt)).toBe(true)
    expect([...times].sort((a, b) => a - b)).toEqual(times)

    // A stopped container's history goes with it: the viewer's stream ends.
    await c.kill()
    expect(await Promise.race([again.ended, new Promise((r) => setTimeout(() => r('still open'), 5000))])).toBeUndefined()
    again.close()
  }, 30_000)
})
