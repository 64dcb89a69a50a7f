import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BindMount, FileListing, FilePreview, StorageDriverInfo, VolumeSummary } from '../../src/shared/files'
import { mkdtemp } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import type { TaskInfo } from '../../src/shared/tasks'
import { download, fails, ok, startApi, upload } from './support/app'
import { cleanup, runId, testDocker, TEST_IMAGE, waitFor } from './support/engine'
import { join } from 'node:path'
import { volumeFixture, readAll } from './support/volumes'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
let archiveOnly: Awaited<ReturnType<typeof startApi>>
const vol = `wharf-it-${runId}-data`

beforeAll(async () => {
  ctx = await startApi()
  archiveOnly = await startApi(undefined, { archiveOnlyHelpers: true })
  await volumeFixture(docker, vol)
})
afterAll(async () => {
  await ctx.app.dispose()
  await archiveOnly.app.dispose()
  await cleanup(docker)
})

const target = { kind: 'volume', name: vol }
const names = (l: FileListing) => l.entries.map((e) => `${e.type}:${e.name}`)

describe('volumes (V1, V2)', () => {
  it('lists the volume with the containers that use it, and refuses to remove it while used', async () => {
    const user = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['true'],
      Labels: { 'wharf.test': runId },
      HostConfig: { Binds: [`${vol}:/data`] },
    })
    const listed = (await ok<VolumeSummary[]>(ctx.api, 'volumes.list')).find((v) => v.name === vol)
    expect(listed).toMatchObject({ driver: 'local', dangling: false, usedBy: [{ id: user.id, running: false, destination: '/data' }] })
    const refused = await ok<{ removed: string[]; failed: Array<{ name: string; message: string }> }>(ctx.api, 'volumes.remove', {
      names: [vol],
      force: false,
    })
    expect(refused.failed[0].message).toContain(listed!.usedBy[0].name)
    await user.remove({ force: true })
    const size = await ok<{ bytes: number }>(ctx.api, 'volumes.size', { name: vol })
    expect(size.bytes).toBeGreaterThan(0)
  })

  it('creates with labels, refuses a duplicate, lists prune candidates and prunes', async () => {
    const name = `wharf-it-${runId}-new`
    expect(
      await ok(ctx.api, 'volumes.create', { name, driver: 'local', options: [], labels: [`wharf.test=${runId}`, 'team=a b'] }),
    ).toEqual({ name })
    const generated = await ok<{ name: string }>(ctx.api, 'volumes.create', {
      name: '',
      driver: 'local',
      options: [],
      labels: [`wharf.test=${runId}`],
    })
    expect(generated.name).toMatch(/^[0-9a-f]{64}$/)
    const created = (await ok<VolumeSummary[]>(ctx.api, 'volumes.list')).find((v) => v.name === name)
    expect(created?.labels).toMatchObject({ team: 'a b', 'wharf.test': runId })
    expect((await fails(ctx.api, 'volumes.create', { name, driver: 'local', options: [], labels: [] })).message).toMatch(/already exists/)
    expect((await fails(ctx.api, 'volumes.create', { name: '../x', driver: 'local', options: [], labels: [] })).code).toBe('invalid_input')
    const candidates = await ok<VolumeSummary[]>(ctx.api, 'volumes.pruneCandidates', { all: true })
    expect(candidates.map((v) => v.name)).toContain(name)
    const removed = await ok<{ removed: string[] }>(ctx.api, 'volumes.remove', { names: [name], force: false })
    expect(removed.removed).toEqual([name])
  })
})

describe('bind mounts (V5), storage driver (V6) and helpers left by a crash', () => {
  it('lists host paths bind-mounted into containers, and the engine’s storage driver', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wharf-bind-'))
    const user = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['true'],
      Labels: { 'wharf.test': runId },
      HostConfig: { Binds: [`${dir}:/srv:ro`] },
    })
    const binds = await ok<BindMount[]>(ctx.api, 'volumes.bindMounts')
    expect(binds.find((b) => b.source === dir)?.containers).toEqual([
      expect.objectContaining({ id: user.id, destination: '/srv', readOnly: true, running: false }),
    ])
    const driver = await ok<StorageDriverInfo>(ctx.api, 'storage.driver')
    expect(driver.driver).toBe(((await docker.info()) as { Driver: string }).Driver)
    expect(driver.dockerRootDir).not.toBe('')
  })

  it('removes helpers whose Wharf process is gone on the next start, and keeps helpers out of "used by"', async () => {
    const orphan = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: { 'wharf.helper': 'volume', 'wharf.helper.owner': `${hostname()}:2147483646`, 'wharf.test': runId },
      HostConfig: { Binds: [`${vol}:/wharf-volume`] },
    })
    await orphan.start()
    expect((await ok<VolumeSummary[]>(ctx.api, 'volumes.list')).find((v) => v.name === vol)?.usedBy).toEqual([])
    const fresh = await startApi()
    try {
      await ok(fresh.api, 'files.list', { target, path: '' })
      await expect(orphan.inspect()).rejects.toThrow(/no such container/i)
    } finally {
      await fresh.app.dispose()
    }
  })
})

describe('volume browser (V3) with a shell helper', () => {
  it('lists nested folders, a symlink, odd names and a 0-byte file', async () => {
    const root = await ok<FileListing>(ctx.api, 'files.list', { target, path: '' })
    expect(root.via).toBe('exec')
    expect(root.canModify).toBe(true)
    expect(root.helperImage?.id).toMatch(/^sha256:/)
    expect(names(root)).toEqual(['dir:nested', 'file:empty.txt', 'link:escape', 'file:hello.txt', 'link:inside', 'file:sp ace é.txt'])
    const link = root.entries.find((e) => e.name === 'escape')
    expect(link?.linkTarget).toBe('/')
    expect(root.entries.find((e) => e.name === 'empty.txt')?.size).toBe(0)
    expect(root.entries.find((e) => e.name === 'hello.txt')).toMatchObject({ size: 6, modeText: '-rw-r--r--', owner: 'root' })
    const deep = await ok<FileListing>(ctx.api, 'files.list', { target, path: 'nested/deeper' })
    expect(names(deep)).toEqual(['file:leaf.txt'])
    // A link inside the volume is followed; one to / is not.
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: 'inside' }))).toEqual(['dir:deeper'])
    expect((await fails(ctx.api, 'files.list', { target, path: 'escape' })).message).toMatch(/outside the volume/)
    expect((await fails(ctx.api, 'files.list', { target, path: 'escape/etc' })).message).toMatch(/outside the volume/)
    expect((await fails(ctx.api, 'files.list', { target, path: '../..' })).code).toBe('invalid_input')
    expect((await fails(ctx.api, 'files.read', { target, path: 'escape/etc/passwd', limit: 100 })).message).toMatch(/outside the volume/)
  })

  it('uploads, reads back byte-identical, renames, makes a folder and deletes', async () => {
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256))
    await upload(
      ctx,
      { kind: 'files', target, dir: 'nested', file: 'up/load é.bin', size: bytes.length },
      Readable.from([bytes]),
      bytes.length,
    )
    const back = await readAll((await download(ctx, { kind: 'files', target, path: 'nested/up/load é.bin' })).body)
    expect(createHash('sha256').update(back).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
    const preview = await ok<FilePreview>(ctx.api, 'files.read', { target, path: 'hello.txt', limit: 1024 })
    expect(Buffer.from(preview.data, 'base64').toString()).toBe('hello\n')
    await ok(ctx.api, 'files.makeFolder', { target, path: 'nested', name: 'made' })
    expect((await fails(ctx.api, 'files.makeFolder', { target, path: 'nested', name: 'made' })).code).toBe('conflict')
    expect((await fails(ctx.api, 'files.makeFolder', { target, path: 'nested', name: '../out' })).code).toBe('invalid_input')
    await ok(ctx.api, 'files.rename', { target, path: 'nested/up/load é.bin', name: 'renamed.bin' })
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: 'nested/up' }))).toEqual(['file:renamed.bin'])
    await ok(ctx.api, 'files.remove', { target, paths: ['nested/up', 'nested/made'] })
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: 'nested' }))).toEqual(['dir:deeper'])
    // Deleting the link removes the link, never what it points to.
    await ok(ctx.api, 'files.remove', { target, paths: ['inside'] })
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: 'nested' }))).toEqual(['dir:deeper'])
  })

  it('refuses an uploaded archive that climbs out or links to /, writing nothing', async () => {
    const hostile = pack()
    hostile.entry({ name: 'fine.txt' }, 'ok')
    hostile.entry({ name: '../escape.txt' }, 'out')
    hostile.finalize()
    await expect(upload(ctx, { kind: 'extract', target, dir: '' }, Readable.from(hostile))).rejects.toThrow(/nothing was written.*escape/)
    const linky = pack()
    linky.entry({ name: 'root', type: 'symlink', linkname: '/' })
    linky.finalize()
    await expect(upload(ctx, { kind: 'extract', target, dir: '' }, Readable.from(linky))).rejects.toThrow(/outside/)
    const root = await ok<FileListing>(ctx.api, 'files.list', { target, path: '' })
    expect(names(root)).not.toContain('file:fine.txt')
    expect(names(root)).not.toContain('link:root')
    // Uploading through the existing link to / is refused too.
    await expect(
      upload(ctx, { kind: 'files', target, dir: '', file: 'escape/tmp/x', size: 1 }, Readable.from([Buffer.from('x')]), 1),
    ).rejects.toThrow(/outside the volume/)
    const good = pack()
    good.entry({ name: 'unpacked/a.txt' }, 'A')
    good.finalize()
    await upload(ctx, { kind: 'extract', target, dir: 'nested' }, Readable.from(good))
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: 'nested/unpacked' }))).toEqual(['file:a.txt'])
  })
})

describe('volume browser through the archive API only (no image with a shell)', () => {
  it('lists from tar headers, reads, uploads and makes folders; rename and delete say why not', async () => {
    const root = await ok<FileListing>(archiveOnly.api, 'files.list', { target, path: '' })
    expect(root.via).toBe('archive')
    expect(root.canModify).toBe(false)
    expect(root.limit).toBe('no-shell-image')
    expect(names(root)).toContain('file:sp ace é.txt')
    expect(root.entries.find((e) => e.name === 'escape')?.linkTarget).toBe('/')
    expect(names(await ok<FileListing>(archiveOnly.api, 'files.list', { target, path: 'nested/deeper' }))).toEqual(['file:leaf.txt'])
    expect((await fails(archiveOnly.api, 'files.list', { target, path: 'escape' })).message).toMatch(/outside the volume/)
    const preview = await ok<FilePreview>(archiveOnly.api, 'files.read', { target, path: 'hello.txt', limit: 3 })
    expect(preview).toMatchObject({ size: 6, truncated: true })
    expect(Buffer.from(preview.data, 'base64').toString()).toBe('hel')
    await ok(archiveOnly.api, 'files.makeFolder', { target, path: '', name: 'from-archive' })
    await upload(
      archiveOnly,
      { kind: 'files', target, dir: 'from-archive', file: 'f.txt', size: 3 },
      Readable.from([Buffer.from('abc')]),
      3,
    )
    expect(names(await ok<FileListing>(archiveOnly.api, 'files.list', { target, path: 'from-archive' }))).toEqual(['file:f.txt'])
    const refusal = await fails(archiveOnly.api, 'files.remove', { target, paths: ['from-archive'] })
    expect(refusal).toMatchObject({ code: 'unsupported' })
    // The helper used no image but the one Wharf imported itself, and the listing says which.
    expect(root.helperImage?.name).toBe('wharf-helper-empty:latest')
    const helpers = await docker.listContainers({ all: true, filters: { label: ['wharf.helper'] } })
    expect(helpers.some((h) => h.ImageID === root.helperImage?.id)).toBe(true)
  })
})

describe('container files (C9)', () => {
  it('browses a running container by exec and a stopped one through the archive API, docker cp both ways', async () => {
    const c = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', 'mkdir -p /work && echo made > /work/made.txt && sleep 3600'],
      Labels: { 'wharf.test': runId },
      StopTimeout: 1,
    })
    await c.start()
    const target = { kind: 'container', id: c.id }
    await waitFor(
      async () => (await ok<FileListing>(ctx.api, 'files.list', { target, path: 'work' })).entries.length === 1,
      'the file to be written',
    )
    const running = await ok<FileListing>(ctx.api, 'files.list', { target, path: 'work' })
    expect(running).toMatchObject({ via: 'exec', canModify: true })
    await ok(ctx.api, 'files.rename', { target, path: 'work/made.txt', name: 'kept.txt' })
    await c.stop()
    const stopped = await ok<FileListing>(ctx.api, 'files.list', { target, path: 'work' })
    expect(stopped).toMatchObject({ via: 'archive', canModify: false, limit: 'container-stopped' })
    expect(names(stopped)).toEqual(['file:kept.txt'])
    expect(names(await ok<FileListing>(ctx.api, 'files.list', { target, path: '' }))).toEqual(
      expect.arrayContaining(['dir:bin', 'dir:work']),
    )
    await upload(ctx, { kind: 'files', target, dir: 'work', file: 'in.txt', size: 9 }, Readable.from([Buffer.from('copied in')]), 9)
    const back = await readAll((await download(ctx, { kind: 'files', target, path: 'work/in.txt' })).body)
    expect(back.toString()).toBe('copied in')
    expect((await fails(ctx.api, 'files.remove', { target, paths: ['work/in.txt'] })).message).toMatch(/running/)
    expect((await fails(ctx.api, 'files.list', { target: { kind: 'container', id: 'no-such-container-x' }, path: '' })).code).toBe(
      'not_found',
    )
  })
})

describe('backup, restore and clone (V4)', () => {
  it('backs up as .tar.gz, restores into a new volume and clones, with the same checksums', async () => {
    const backup = await download(ctx, { kind: 'volumeBackup', name: vol, gzip: true })
    expect(backup.filename).toMatch(/\.tar\.gz$/)
    const archive = await readAll(backup.body)
    const restored = `wharf-it-${runId}-restored`
    await docker.createVolume({ Name: restored, Labels: { 'wharf.test': runId } })
    await upload(ctx, { kind: 'restore', volume: restored }, Readable.from([archive]), archive.length)
    const refusedAgain = upload(ctx, { kind: 'restore', volume: restored }, Readable.from([archive]), archive.length)
    await expect(refusedAgain).rejects.toThrow(/not empty/)
    const cloned = `wharf-it-${runId}-clone`
    await docker.createVolume({ Name: cloned, Labels: { 'wharf.test': runId } })
    const task = await ok<TaskInfo>(ctx.api, 'volumes.clone', { from: vol, to: cloned })
    await waitFor(() => ctx.app.tasks.list().find((t) => t.id === task.id && t.state !== 'running'), 'the clone to end', 30_000)
    expect(ctx.app.tasks.list().find((t) => t.id === task.id)?.state).toBe('done')
    const outOf = async (name: string) => {
      const c = await docker.createContainer({
        Image: TEST_IMAGE,
        Cmd: ['sh', '-c', 'cd /v && find . -type f | sort | xargs md5sum; find . -type l | sort'],
        Labels: { 'wharf.test': runId },
        HostConfig: { Binds: [`${name}:/v`] },
      })
      await c.start()
      await c.wait()
      return (await c.logs({ stdout: true })).toString('utf8')
    }
    const original = await outOf(vol)
    expect(original).toContain('hello.txt')
    expect(await outOf(restored)).toBe(original)
    expect(await outOf(cloned)).toBe(original)
  })
})
