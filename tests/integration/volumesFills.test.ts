// Restore and clone fill a whole volume, all or nothing (DESIGN §4): cancelled or failed,
// they leave it as it was — a volume Wharf created for them is removed again, one that
// existed (empty) is empty again.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TaskInfo } from '../../src/shared/tasks'
import { ok, startApi, upload, uploadPath } from './support/app'
import { cutUpload, startBrowserServer, type BrowserServer } from './support/browserServer'
import { cleanup, runId, testDocker, TEST_IMAGE, waitFor } from './support/engine'
import { hostTemps, settle, volumeExists, volumeState } from './support/volumeState'

const MiB = 1024 * 1024
const docker = testDocker()
const source = `wharf-it-${runId}-big`
/** Volumes the code under test may create unlabelled; removed by name at the end. */
const created: string[] = []
let server: BrowserServer
let ctx: Awaited<ReturnType<typeof startApi>>
let archiveOnly: Awaited<ReturnType<typeof startApi>>
let temp: string

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'wharf-it-tmp-'))
  process.env.TMPDIR = temp
  server = await startBrowserServer()
  ctx = await startApi()
  archiveOnly = await startApi(undefined, { archiveOnlyHelpers: true })
  await docker.createVolume({ Name: source, Labels: { 'wharf.test': runId } })
  const writer = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', 'for f in a b c; do head -c 134217728 /dev/zero > /v/$f.bin || exit 1; done'],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${source}:/v`] },
  })
  await writer.start()
  expect(((await writer.wait()) as { StatusCode: number }).StatusCode).toBe(0)
  await writer.remove()
}, 120_000)
afterAll(async () => {
  await server.app.close()
  await ctx.app.dispose()
  await archiveOnly.app.dispose()
  await cleanup(docker)
  rmSync(temp, { recursive: true, force: true })
  for (const name of created)
    await docker
      .getVolume(name)
      .remove({ force: true })
      .catch(() => undefined)
})

function fresh(what: string): string {
  const name = `wharf-it-${runId}-${what}`
  created.push(name)
  return name
}

async function emptyVolume(what: string): Promise<string> {
  const name = fresh(what)
  await docker.createVolume({ Name: name, Labels: { 'wharf.test': runId } })
  return name
}

/** A backup the engine gives up on halfway: a file, then a hard link to a file that is not there. */
function halfBadBackup(): Readable {
  const tar = pack()
  tar.entry({ name: 'first.txt' }, 'written before the failure')
  tar.entry({ name: 'broken', type: 'link', linkname: 'not-there.txt' })
  tar.finalize()
  return Readable.from(tar)
}

describe('restore', () => {
  it('cut off over HTTP: a new volume is never made, an empty one stays empty, no spool is left', async () => {
    const backup = pack()
    backup.entry({ name: 'big.bin' }, Buffer.alloc(48 * MiB, 0x7a))
    backup.finalize()
    const chunks: Buffer[] = []
    for await (const chunk of backup) chunks.push(chunk as Buffer)
    const bytes = Buffer.concat(chunks)
    const spooling = async (): Promise<boolean> => (await hostTemps(temp)).length > 0
    const brandNew = fresh('restore-new')
    const existing = await emptyVolume('restore-empty')
    for (const volume of [brandNew, existing]) {
      const path = await uploadPath(server.ctx, { kind: 'restore', volume })
      await cutUpload(server, path, Readable.from([bytes]), bytes.length, 16 * MiB, spooling, 'destroy')
      expect(
        await settle(
          () => hostTemps(temp),
          (t) => t.length === 0,
        ),
      ).toEqual([])
    }
    expect(await volumeExists(docker, brandNew)).toBe(false)
    expect(await volumeState(docker, existing)).toEqual({ files: [], temps: [] })
  })

  it('refused by the engine halfway: the new volume is removed, the empty one emptied again', async () => {
    const brandNew = fresh('restore-bad-new')
    await expect(upload(ctx, { kind: 'restore', volume: brandNew }, halfBadBackup())).rejects.toThrow(/not-there/)
    expect(await volumeExists(docker, brandNew)).toBe(false)
    const existing = await emptyVolume('restore-bad-empty')
    await expect(upload(ctx, { kind: 'restore', volume: existing }, halfBadBackup())).rejects.toThrow(/not-there/)
    expect(await volumeState(docker, existing)).toEqual({ files: [], temps: [] })
  })

  it('without a shell, says that the existing volume could not be emptied again', async () => {
    const existing = await emptyVolume('restore-bad-noshell')
    const refusal = upload(archiveOnly, { kind: 'restore', volume: existing }, halfBadBackup())
    await expect(refusal).rejects.toThrow(/Restoring into .*restore-bad-noshell failed .*could not be emptied again/)
    const brandNew = fresh('restore-bad-noshell-new')
    await expect(upload(archiveOnly, { kind: 'restore', volume: brandNew }, halfBadBackup())).rejects.toThrow(/not-there/)
    expect(await volumeExists(docker, brandNew)).toBe(false)
  })
})

describe('clone', () => {
  /** Starts a clone into `to`, cancels it once 16 MiB have been copied, and waits for its end. */
  async function cancelledClone(to: string): Promise<TaskInfo> {
    const task = await ok<TaskInfo>(ctx.api, 'volumes.clone', { from: source, to })
    const live = (): TaskInfo | undefined => ctx.app.tasks.list().find((t) => t.id === task.id)
    await waitFor(() => (live()?.layers[0]?.current ?? 0) > 16 * MiB || live()?.state !== 'running', 'the copy to be under way', 30_000)
    expect(live()?.state, 'the clone ended before it could be cancelled').toBe('running')
    await ok(ctx.api, 'tasks.cancel', { id: task.id })
    return waitFor(() => (live()?.state !== 'running' ? live() : undefined), 'the cancelled clone to end', 30_000)
  }

  it('cancelled: the volume it created is removed', async () => {
    const to = fresh('clone-new')
    const ended = await cancelledClone(to)
    expect(ended.state).toBe('cancelled')
    expect(await volumeExists(docker, to)).toBe(false)
  }, 90_000)

  it('cancelled: an empty volume it was given is empty again', async () => {
    const to = await emptyVolume('clone-empty')
    const ended = await cancelledClone(to)
    expect(ended.state).toBe('cancelled')
    expect(await volumeState(docker, to)).toEqual({ files: [], temps: [] })
  }, 90_000)
})
