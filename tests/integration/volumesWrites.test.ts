// Writes are all or nothing (DESIGN §4): an upload that is cancelled or fails leaves the
// file it would replace untouched, and no temporary file behind — in the volume, in the
// helper, or in this machine's temp folder. Uploads go over the real HTTP route of
// browser mode (cookie, Origin, X-Wharf-Upload), cut off midway.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApi, upload, uploadPath } from './support/app'
import { cutUpload, postUpload, startBrowserServer, type BrowserServer } from './support/browserServer'
import { cleanup, runId, testDocker, TEST_IMAGE } from './support/engine'
import { hostTemps, settle, volumeState, type VolumeState } from './support/volumeState'

const MiB = 1024 * 1024
const docker = testDocker()
const vol = `wharf-it-${runId}-writes`
const target = { kind: 'volume', name: vol }
let server: BrowserServer
let archiveOnly: Awaited<ReturnType<typeof startApi>>
let temp: string
let original: VolumeState

beforeAll(async () => {
  // Wharf's spools go here, so the test sees its own and no other process's.
  temp = mkdtempSync(join(tmpdir(), 'wharf-it-tmp-'))
  process.env.TMPDIR = temp
  server = await startBrowserServer()
  archiveOnly = await startApi(undefined, { archiveOnlyHelpers: true })
  await docker.createVolume({ Name: vol, Labels: { 'wharf.test': runId } })
  const writer = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', 'mkdir /v/sub && head -c 1048576 /dev/urandom > /v/keep.txt && echo small > /v/sub/small.txt'],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${vol}:/v`] },
  })
  await writer.start()
  await writer.wait()
  await writer.remove()
  original = await volumeState(docker, vol)
})
afterAll(async () => {
  await server.app.close()
  await archiveOnly.app.dispose()
  await cleanup(docker)
  rmSync(temp, { recursive: true, force: true })
})

/** `bytes` bytes of `fill`, streamed. */
function bytesOf(bytes: number, fill = 0x78): Readable {
  const chunk = Buffer.alloc(MiB, fill)
  return Readable.from(
    (function* () {
      for (let left = bytes; left > 0; left -= MiB) yield left >= MiB ? chunk : chunk.subarray(0, left)
    })(),
  )
}

/** A tar holding keep.txt (`bytes` long) and a new file, and its exact length. */
function tarOf(bytes: number): { body: Readable; length: number } {
  const tar = pack()
  tar.entry({ name: 'keep.txt' }, Buffer.alloc(bytes, 0x79))
  tar.entry({ name: 'new-from-tar.txt' }, 'new')
  tar.finalize()
  return { body: Readable.from(tar), length: 512 + Math.ceil(bytes / 512) * 512 + 512 + 512 + 1024 }
}

const clean = (s: VolumeState): boolean => JSON.stringify(s) === JSON.stringify(original)

async function expectUntouched(): Promise<void> {
  const after = await settle(
    async () => ({ volume: await volumeState(docker, vol), host: await hostTemps(temp) }),
    (s) => clean(s.volume) && s.host.length === 0,
  )
  expect(after).toEqual({ volume: original, host: [] })
}

describe('a single-file upload over the HTTP route', () => {
  it.each(['destroy', 'short'] as const)('leaves the file it replaces whole when cut off (%s)', async (how) => {
    const path = await uploadPath(server.ctx, { kind: 'files', target, dir: '', file: 'keep.txt', size: 64 * MiB })
    // Under way: the bytes are reaching the engine (a temporary file, or the target itself changing).
    const underWay = async (): Promise<boolean> => {
      const s = await volumeState(docker, vol)
      return s.temps.length > 0 || !clean(s)
    }
    await cutUpload(server, path, bytesOf(64 * MiB), 64 * MiB, 16 * MiB, underWay, how)
    await expectUntouched()
  })

  it('replaces the file whole when the upload completes, with nothing left beside it', async () => {
    const body = Buffer.from('replaced\n')
    const path = await uploadPath(server.ctx, { kind: 'files', target, dir: 'sub', file: 'small.txt', size: body.length })
    const done = await postUpload(server, path, body)
    expect(done).toEqual({ status: 200, json: { ok: true, result: { path: 'sub/small.txt' } } })
    const after = await volumeState(docker, vol)
    expect(after.temps).toEqual([])
    expect(after.files).not.toEqual(original.files)
    original = after
  })

  it('refuses a body that ends short, from the API, changing nothing and making no folder', async () => {
    const short = Readable.from([Buffer.alloc(1000, 0x61)])
    await expect(upload(server.ctx, { kind: 'files', target, dir: '', file: 'keep.txt', size: 5000 }, short, 5000)).rejects.toThrow(
      /stopped after 1000 of 5000 bytes; nothing was changed/,
    )
    // Fails as a dropped connection does: two MiB, then an error.
    const failing = Readable.from(
      (function* () {
        yield Buffer.alloc(MiB, 0x61)
        yield Buffer.alloc(MiB, 0x62)
        throw new Error('connection reset')
      })(),
    )
    await expect(
      upload(server.ctx, { kind: 'files', target, dir: '', file: 'new/deep/keep.txt', size: 4 * MiB }, failing, 4 * MiB),
    ).rejects.toThrow(/nothing was changed/)
    expect({ volume: await volumeState(docker, vol), host: await hostTemps(temp) }).toEqual({ volume: original, host: [] })
  })
})

describe('an archive upload (extract) over the HTTP route', () => {
  it('writes nothing when cut off, and leaves no spool behind', async () => {
    const { body, length } = tarOf(48 * MiB)
    const spooling = async (): Promise<boolean> => (await hostTemps(temp)).length > 0
    const path = await uploadPath(server.ctx, { kind: 'extract', target, dir: '' })
    await cutUpload(server, path, body, length, 16 * MiB, spooling, 'destroy')
    await expectUntouched()
  })
})

describe('without a shell (the archive API alone)', () => {
  it('refuses to replace an existing file, and a cut-short new file leaves nothing', async () => {
    const refusal = upload(archiveOnly, { kind: 'files', target, dir: '', file: 'keep.txt', size: MiB }, bytesOf(MiB), MiB)
    await expect(refusal).rejects.toThrow(/keep.txt already exists; replacing it needs a shell/)
    const short = Readable.from([Buffer.alloc(1000, 0x61)])
    await expect(upload(archiveOnly, { kind: 'files', target, dir: '', file: 'fresh.txt', size: 5000 }, short, 5000)).rejects.toThrow(
      /stopped after 1000 of 5000 bytes/,
    )
    expect({ volume: await volumeState(docker, vol), host: await hostTemps(temp) }).toEqual({ volume: original, host: [] })
    await upload(archiveOnly, { kind: 'files', target, dir: '', file: 'fresh.txt', size: 5 }, Readable.from([Buffer.from('fresh')]), 5)
    const after = await volumeState(docker, vol)
    expect(after.files.filter((f) => f.startsWith('fresh.txt'))).toHaveLength(1)
    expect({ temps: after.temps, host: await hostTemps(temp) }).toEqual({ temps: [], host: [] })
  })
})
