// Several engines at once, one of them lost (E3, issue 12's resilience): a real dockerd
// behind TLS is stopped and started again, then frozen (SIGSTOP, as a laptop asleep) and
// thawed, while Wharf also works on the main test engine. The lost engine says so within
// 2 s, its followed log and its terminal end saying why, it reconnects and re-lists; the
// other engine never notices.
import Dockerode from 'dockerode'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { EngineEntry } from '../../src/shared/engines'
import type { ErrorData } from '../../src/shared/errors'
import type { TerminalEvent, TerminalInfo } from '../../src/shared/terminal'
import type { ContainersDelta, ContainerSummary, EngineStatus, LogBatch } from '../../src/shared/types'
import { createApi } from '../../src/main/api/router'
import { createAppServices, type AppServices } from '../../src/main/appServices'
import { openSettings } from '../../src/main/storage/settings'
import { ensureTestImage } from '../../scripts/lib/dockerd.mjs'
import { startTlsEngine, stopTlsEngine, tlsEnginePid, tlsEngineSocket } from '../../scripts/lib/remoteEngines.mjs'
import { bindApi, ok, type BoundApi } from './support/app'
import { cleanup, createTestContainer, testDocker, waitFor } from './support/engine'

let app: AppServices
let local: BoundApi
let remote: BoundApi
let remoteId: string
let tlsDocker: Dockerode
const docker = testDocker()

beforeAll(async () => {
  const env = await startTlsEngine(() => undefined)
  await ensureTestImage(tlsEngineSocket(), () => undefined)
  tlsDocker = new Dockerode({ socketPath: tlsEngineSocket() })
  const dir = env.WHARF_TEST_TLS_DIR
  app = createAppServices({ settings: openSettings(mkdtempSync(join(tmpdir(), 'wharf-it-resilience-'))) })
  const raw = createApi(app)
  local = bindApi(raw, 'local')
  const pem = (file: string) => ({ from: 'file' as const, path: join(dir, file) })
  const added = await ok<EngineEntry>(local, 'engines.add', {
    name: 'Build server',
    endpoint: {
      kind: 'tls',
      host: '127.0.0.1',
      port: Number(env.WHARF_TEST_TLS_PORT),
      ca: pem('ca.pem'),
      cert: pem('client.pem'),
      key: pem('client-key.pem'),
    },
  })
  remoteId = added.id
  remote = bindApi(raw, remoteId)
  await waitFor(() => app.engines.require(remoteId).connection.getStatus().state === 'connected', 'the TLS engine to connect')
  await waitFor(() => app.engines.require('local').connection.getStatus().state === 'connected', 'the main engine to connect')
}, 120_000)

afterAll(async () => {
  const pid = tlsEnginePid()
  if (pid) process.kill(pid, 'SIGCONT')
  await startTlsEngine(() => undefined)
  await app?.dispose()
  await cleanup(docker)
  const left = await tlsDocker.listContainers({ all: true, filters: { label: ['wharf.resilience'] } }).catch(() => [])
  await Promise.all(left.map((c) => tlsDocker.getContainer(c.Id).remove({ force: true })))
})

// Each test starts with both engines up, whatever the one before left.
beforeEach(async () => {
  await startTlsEngine(() => undefined)
  await waitFor(() => app.engines.require(remoteId).connection.getStatus().state === 'connected', 'the TLS engine to connect', 15_000)
}, 90_000)

/** Everything one engine's streams say, as a window open on it would see. */
function watch(api: BoundApi) {
  const statuses: EngineStatus[] = []
  const deltas: ContainersDelta[] = []
  const stops = [
    api.subscribe('engine.status', {}, (s) => statuses.push(s as EngineStatus)),
    api.subscribe('containers.changed', {}, (d) => deltas.push(d as ContainersDelta)),
  ]
  return { statuses, deltas, stop: () => stops.forEach((s) => s()) }
}

/** A container printing a numbered line every 0.1 s, its followed log and an exec terminal into it. */
async function workOn(api: BoundApi) {
  const c = await tlsDocker.createContainer({
    Image: 'wharf-test/busybox:latest',
    Cmd: ['sh', '-c', 'i=0; while true; do echo "line $i"; i=$((i+1)); sleep 0.1; done'],
    Labels: { 'wharf.resilience': '1' },
    StopTimeout: 1,
  })
  await c.start()
  const lines: string[] = []
  let logEnd: { error?: ErrorData } | undefined
  const stopLog = api.subscribe(
    'containers.logs',
    { id: c.id, tail: 0, follow: true, timestamps: true },
    (b) => lines.push(...(b as LogBatch).texts),
    (error) => (logEnd = { error }),
  )
  const term = await ok<TerminalInfo>(api, 'terminals.exec', { container: c.id, command: ['sh'], cols: 80, rows: 24 })
  const termStatuses: string[] = []
  const stopTerm = api.subscribe('terminals.output', { id: term.id, viewer: 'resilience-test' }, (e) => {
    const event = e as TerminalEvent
    if (!(event instanceof Uint8Array) && event.t === 'status') termStatuses.push(`${event.status.state}:${event.status.reason ?? ''}`)
  })
  await waitFor(() => lines.length >= 3, 'the followed log to show lines')
  return {
    lines,
    termStatuses,
    logEnd: () => logEnd,
    stop: () => {
      stopLog()
      stopTerm()
    },
  }
}

/** The main engine keeps answering, at its usual pace, while the other is gone. */
async function localUnaffected(localWatch: ReturnType<typeof watch>): Promise<void> {
  const started = Date.now()
  const list = await ok<ContainerSummary[]>(local, 'containers.list', {})
  expect(Date.now() - started).toBeLessThan(1000)
  const mine = await createTestContainer(docker)
  await waitFor(
    () => localWatch.deltas.some((d) => d.kind === 'upsert' && d.containers.some((x) => x.id === mine.id)),
    'an event on the main engine',
  )
  expect(list).toBeInstanceOf(Array)
  expect(localWatch.statuses.filter((s) => s.state !== 'connected').map((s) => `${s.state}: ${s.error}`)).toEqual([])
}

describe('one of two engines lost', () => {
  it('stopped and started again: says disconnected within 2 s, ends its log and terminal saying why, reconnects and re-lists; the other engine is unaffected', async () => {
    const localWatch = watch(local)
    const remoteWatch = watch(remote)
    const work = await workOn(remote)
    try {
      // Gone when its process is: dockerd stops its containers before it closes its sockets.
      await stopTlsEngine(() => undefined)
      const lostAt = Date.now()
      await waitFor(() => remoteWatch.statuses.some((s) => s.state === 'disconnected'), 'the disconnected status', 2500)
      expect(Date.now() - lostAt).toBeLessThan(2000)
      // The daemon stopped the container before it went: the log ended with its last line.
      await waitFor(() => work.logEnd(), 'the followed log to end')
      expect(work.lines.at(-1)).toMatch(/^line \d+$/)
      await waitFor(() => work.termStatuses.some((s) => s.startsWith('ended:')), 'the terminal to say it ended')
      await localUnaffected(localWatch)

      await startTlsEngine(() => undefined)
      await waitFor(() => remoteWatch.statuses.at(-1)?.state === 'connected', 'the reconnect', 10_000)
      await waitFor(() => remoteWatch.deltas.some((d) => d.kind === 'resync'), 'the re-list after reconnecting')
      const after = await ok<ContainerSummary[]>(remote, 'containers.list', {})
      expect(after.length).toBeGreaterThan(0)
      expect(localWatch.statuses.filter((s) => s.state !== 'connected')).toEqual([])
    } finally {
      work.stop()
      localWatch.stop()
      remoteWatch.stop()
    }
  }, 90_000)

  it('frozen for 30 s and thawed (a laptop asleep): says disconnected within 2 s, the other engine works on, then it comes back', async () => {
    const localWatch = watch(local)
    const remoteWatch = watch(remote)
    const work = await workOn(remote)
    const pid = tlsEnginePid()
    if (!pid) throw new Error('the TLS test dockerd is not running')
    try {
      const frozenAt = Date.now()
      process.kill(pid, 'SIGSTOP')
      await waitFor(() => remoteWatch.statuses.some((s) => s.state === 'disconnected'), 'the disconnected status', 2500)
      expect(Date.now() - frozenAt).toBeLessThan(2000)
      // A call on the frozen engine is refused at once instead of hanging on its socket.
      const started = Date.now()
      const refused = await remote.call('containers.list', {})
      expect(refused).toMatchObject({ ok: false, error: { code: 'engine_unavailable' } })
      expect(Date.now() - started).toBeLessThan(1000)
      // The followed log stops after the last line it got, saying why; the terminal ends.
      await waitFor(() => work.logEnd(), 'the followed log to stop')
      expect(work.logEnd()?.error).toMatchObject({
        code: 'engine_unavailable',
        message: expect.stringMatching(/stopped answering/) as unknown,
      })
      expect(work.lines.at(-1)).toMatch(/^line \d+$/)
      await waitFor(() => work.termStatuses.includes('ended:engine-lost'), 'the terminal to say the engine was lost')
      await localUnaffected(localWatch)
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() - frozenAt)))
      process.kill(pid, 'SIGCONT')
      await waitFor(() => remoteWatch.statuses.at(-1)?.state === 'connected', 'the reconnect after thawing', 10_000)
      await waitFor(() => remoteWatch.deltas.some((d) => d.kind === 'resync'), 'the re-list after thawing')
      await ok(remote, 'containers.list', {})
      expect(localWatch.statuses.filter((s) => s.state !== 'connected')).toEqual([])
    } finally {
      process.kill(pid, 'SIGCONT')
      work.stop()
      localWatch.stop()
      remoteWatch.stop()
    }
  }, 90_000)
})
