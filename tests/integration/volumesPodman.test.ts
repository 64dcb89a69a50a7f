// The volume browser against Podman's Docker-compatible API (DESIGN §3): the same
// operations as on dockerd, through the same code, on the second engine `npm test` starts.
import Dockerode from 'dockerode'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FileListing, FilePreview, VolumeSummary } from '../../src/shared/files'
import { optionsForEndpoint } from '../../src/main/engine/endpoint'
import { removeLabelled } from '../support/labelled'
import { download, fails, ok, startApi, upload } from './support/app'
import { runId, TEST_IMAGE } from './support/engine'
import { readAll, volumeFixture } from './support/volumes'

const host = process.env.WHARF_TEST_PODMAN_HOST
let podman: Dockerode
let ctx: Awaited<ReturnType<typeof startApi>>
let archiveOnly: Awaited<ReturnType<typeof startApi>>
const vol = `wharf-it-${runId}-pod`
const target = { kind: 'volume', name: vol }
const names = (l: FileListing) => l.entries.map((e) => `${e.type}:${e.name}`)

beforeAll(async () => {
  if (!host)
    throw new Error('WHARF_TEST_PODMAN_HOST is not set: run the tests with `npm test`, or export what `npm run engines -- start` prints.')
  podman = new Dockerode(optionsForEndpoint(host))
  ctx = await startApi(host)
  expect(ctx.engine.connection.getStatus().flavor).toBe('podman')
  archiveOnly = await startApi(host, { archiveOnlyHelpers: true })
  await volumeFixture(podman, vol)
}, 60_000)
afterAll(async () => {
  await ctx?.app.dispose()
  await archiveOnly?.app.dispose()
  if (podman) await removeLabelled(podman, runId)
})

async function writeInVolume(script: string): Promise<void> {
  const writer = await podman.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', `cd /data && ${script}`],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${vol}:/data`] },
  })
  await writer.start()
  const { StatusCode } = (await writer.wait()) as { StatusCode: number }
  await writer.remove()
  expect(StatusCode).toBe(0)
}

describe('volume browser on Podman', () => {
  it('lists the volume and its files, and refuses the link out', async () => {
    expect((await ok<VolumeSummary[]>(ctx.api, 'volumes.list')).map((v) => v.name)).toContain(vol)
    const root = await ok<FileListing>(ctx.api, 'files.list', { target, path: '' })
    expect(names(root)).toEqual(['dir:nested', 'file:empty.txt', 'link:escape', 'file:hello.txt', 'link:inside', 'file:sp ace é.txt'])
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: 'inside/deeper' }))).toEqual(['file:leaf.txt'])
    expect((await fails(ctx.api, 'files.list', { target, path: 'escape/etc' })).message).toMatch(/outside the volume/)
  })

  it('says a link out of the volume is outside it, even when its target is missing in the helper', async () => {
    // Podman's archive stat follows links to their end: these answer 404 there, where
    // dockerd describes the link. An application's links usually lead to its own paths.
    await writeInVolume('ln -s /srv/app/current away && ln -s ../../nothing up && ln -s nested/missing broken')
    for (const api of [ctx.api, archiveOnly.api]) {
      expect((await fails(api, 'files.list', { target, path: 'away' })).message).toMatch(
        /away is a link to \/srv\/app\/current, outside the volume/,
      )
      expect((await fails(api, 'files.list', { target, path: 'away/releases' })).message).toMatch(/outside the volume/)
      expect((await fails(api, 'files.read', { target, path: 'up', limit: 10 })).message).toMatch(/outside the volume/)
      expect((await fails(api, 'files.list', { target, path: 'broken' })).message).toMatch(/does not exist/)
    }
    await ok(ctx.api, 'files.remove', { target, paths: ['away', 'up', 'broken'] })
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: '' }))).not.toContain('link:away')
  })

  it('uploads and reads back byte-identical, renames and deletes; a hostile archive is refused', async () => {
    const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 13) % 256))
    await upload(ctx, { kind: 'files', target, dir: 'nested', file: 'up.bin', size: bytes.length }, Readable.from([bytes]), bytes.length)
    const back = await readAll((await download(ctx, { kind: 'files', target, path: 'nested/up.bin' })).body)
    expect(createHash('sha256').update(back).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
    await ok(ctx.api, 'files.rename', { target, path: 'nested/up.bin', name: 'moved.bin' })
    await ok(ctx.api, 'files.remove', { target, paths: ['nested/moved.bin'] })
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: 'nested' }))).toEqual(['dir:deeper'])
    // All or nothing here too: a body that ends short replaces nothing and leaves no temporary file.
    await expect(
      upload(ctx, { kind: 'files', target, dir: '', file: 'hello.txt', size: 5000 }, Readable.from([Buffer.alloc(1000)]), 5000),
    ).rejects.toThrow(/stopped after 1000 of 5000 bytes; nothing was changed/)
    const preview = await ok<FilePreview>(ctx.api, 'files.read', { target, path: 'hello.txt', limit: 100 })
    expect(Buffer.from(preview.data, 'base64').toString()).toBe('hello\n')
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: '' })).filter((n) => n.includes('.wharf-upload-'))).toEqual(
      [],
    )
    const hostile = pack()
    hostile.entry({ name: '../escape.txt' }, 'out')
    hostile.finalize()
    await expect(upload(ctx, { kind: 'extract', target, dir: '' }, Readable.from(hostile))).rejects.toThrow(/nothing was written/)
  })

  it('reads through the archive API alone with a helper image Wharf imports itself', async () => {
    const root = await ok<FileListing>(archiveOnly.api, 'files.list', { target, path: '' })
    expect(root.via).toBe('archive')
    expect(names(root)).toContain('file:hello.txt')
    const preview = await ok<FilePreview>(archiveOnly.api, 'files.read', { target, path: 'hello.txt', limit: 100 })
    expect(Buffer.from(preview.data, 'base64').toString()).toBe('hello\n')
  })

  it('backs up and restores into a new volume', async () => {
    const archive = await readAll((await download(ctx, { kind: 'volumeBackup', name: vol, gzip: false })).body)
    const restored = `wharf-it-${runId}-podrestored`
    await podman.createVolume({ Name: restored, Labels: { 'wharf.test': runId } })
    await upload(ctx, { kind: 'restore', volume: restored }, Readable.from([archive]), archive.length)
    const again = await ok<FileListing>(ctx.api, 'files.list', { target: { kind: 'volume', name: restored }, path: '' })
    expect(names(again)).toEqual(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: '' })))
  })
})
