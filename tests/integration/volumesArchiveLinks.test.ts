// An uploaded archive is extracted by the engine, which follows the links already in
// the target folder. One that leads out of the volume, however deep, must refuse the
// archive before anything is written — in the volume or in the helper's own filesystem.
import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FileListing } from '../../src/shared/files'
import { ok, startApi, upload } from './support/app'
import { cleanup, runId, testDocker, TEST_IMAGE } from './support/engine'

const docker = testDocker()
const vol = `wharf-it-${runId}-links`
const target = { kind: 'volume', name: vol }
let shell: Awaited<ReturnType<typeof startApi>>
let archiveOnly: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  shell = await startApi()
  archiveOnly = await startApi(undefined, { archiveOnlyHelpers: true })
  await docker.createVolume({ Name: vol, Labels: { 'wharf.test': runId } })
  // a/b/up leads to the helper's / (three levels up from /wharf-volume/a/b); a/in stays inside.
  const script = 'cd /v && mkdir -p a/b nested && ln -s ../../.. a/b/up && ln -s ../nested a/in'
  const writer = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', script],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${vol}:/v`] },
  })
  await writer.start()
  expect(((await writer.wait()) as { StatusCode: number }).StatusCode).toBe(0)
  await writer.remove()
})
afterAll(async () => {
  await shell.app.dispose()
  await archiveOnly.app.dispose()
  await cleanup(docker)
})

function tarOf(names: string[]): Readable {
  const tar = pack()
  for (const name of names) tar.entry({ name }, 'written through a link')
  tar.finalize()
  return Readable.from(tar)
}

/** Whether `path` exists in the filesystem of any helper Wharf made for the volume. */
async function inHelpers(path: string): Promise<string[]> {
  const helpers = await docker.listContainers({ all: true, filters: { label: ['wharf.helper'] } })
  const found: string[] = []
  for (const h of helpers.filter((c) => (c.Labels['wharf.helper.volumes'] ?? '').split(',').includes(vol))) {
    const there = await docker
      .getContainer(h.Id)
      .infoArchive({ path })
      .then(
        () => true,
        () => false,
      )
    if (there) found.push(`${h.Image}:${path}`)
  }
  return found
}

describe.each([
  ['a shell helper', () => shell],
  ['the archive API alone', () => archiveOnly],
])('an archive written through a link already in the volume, with %s', (_how, app) => {
  it('is refused whole when a link deeper than the top level leads out, from the root or from a sub-folder', async () => {
    const on = app()
    for (const [dir, names] of [
      ['', ['fine.txt', 'a/b/up/wharf-escaped.txt']],
      ['a', ['fine.txt', 'b/up/wharf-escaped.txt']],
      ['a/b', ['up/tmp/wharf-escaped.txt']],
    ] as const) {
      await expect(upload(on, { kind: 'extract', target, dir }, tarOf([...names]))).rejects.toThrow(
        /nothing was written.*a\/b\/up.*outside the volume/,
      )
    }
    expect(await inHelpers('/wharf-escaped.txt')).toEqual([])
    expect(await inHelpers('/tmp/wharf-escaped.txt')).toEqual([])
    const root = await ok<FileListing>(shell.api, 'files.list', { target, path: '' })
    expect(root.entries.map((e) => e.name)).not.toContain('fine.txt')
    expect((await ok<FileListing>(shell.api, 'files.list', { target, path: 'a' })).entries.map((e) => e.name)).not.toContain('fine.txt')
  })

  it('goes through a link that stays inside the volume', async () => {
    const name = `inside-${_how.length}.txt`
    await upload(app(), { kind: 'extract', target, dir: '' }, tarOf([`a/in/${name}`]))
    const nested = await ok<FileListing>(shell.api, 'files.list', { target, path: 'nested' })
    expect(nested.entries.map((e) => e.name)).toContain(name)
  })
})
