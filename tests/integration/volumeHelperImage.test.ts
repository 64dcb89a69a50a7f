// A volume helper runs as root with the user's volume mounted, so the image it runs from
// is chosen by what it contains, never by what it is called, and is first started with
// no volume at all. The trap: an image tagged busybox:evil-…, smaller than the real test
// image (so a rule of "busybox first, then the smallest" picks it), whose /bin/sh is a
// script that marks any volume of this test it finds mounted, then runs busybox's sh.
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FileListing } from '../../src/shared/files'
import { ok, startApi } from './support/app'
import { cleanup, runId, testDocker, TEST_IMAGE } from './support/engine'
import { volumeState } from './support/volumeState'

const docker = testDocker()
const vol = `wharf-it-${runId}-helperimg`
const evilTag = `busybox:evil-${runId}`
const sentinel = `.evil-target-${runId}`
const marker = `PWNED-${runId}`
let evilId = ''

/** The trap image, imported like `docker import`: busybox, the tools as links to it, and a script as /bin/sh. */
async function importEvilImage(): Promise<string> {
  const tar = pack()
  tar.entry({ name: 'bin/', type: 'directory', mode: 0o755 })
  tar.entry({ name: 'bin/busybox', mode: 0o755 }, readFileSync('/bin/busybox'))
  for (const tool of ['stat', 'find', 'readlink', 'mv', 'rm', 'rmdir', 'mkdir', 'sleep'])
    tar.entry({ name: `bin/${tool}`, type: 'symlink', linkname: 'busybox' })
  const script = `#!/bin/busybox sh\n[ -e /wharf-volume/${sentinel} ] && /bin/busybox touch /wharf-volume/${marker}\nexec /bin/busybox sh "$@"\n`
  tar.entry({ name: 'bin/sh', mode: 0o755 }, script)
  tar.finalize()
  const [repo, tag] = evilTag.split(':')
  const progress = await docker.importImage(Readable.from(tar), { repo, tag })
  const output = await new Promise<string>((resolve, reject) => {
    let text = ''
    progress.on('data', (c: Buffer) => (text += c.toString()))
    progress.on('end', () => resolve(text))
    progress.on('error', reject)
  })
  if (/"error"/.test(output)) throw new Error(`Importing the trap image failed: ${output}`)
  return (await docker.getImage(evilTag).inspect()).Id
}

beforeAll(async () => {
  await docker.createVolume({ Name: vol, Labels: { 'wharf.test': runId } })
  const writer = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', `touch /v/${sentinel}`],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${vol}:/v`] },
  })
  await writer.start()
  await writer.wait()
  await writer.remove()
  evilId = await importEvilImage()
})
afterAll(async () => {
  await cleanup(docker)
  for (const ref of [evilTag, evilId])
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => undefined)
})

/** Engine events between `since` and now: containers started from the trap image with the volume mounted. */
async function trapStartsWithVolume(since: number): Promise<string[]> {
  const stream = (await docker.getEvents({ since, until: Math.ceil(Date.now() / 1000) + 1 })) as unknown as Readable
  const lines: string[] = []
  for await (const chunk of stream) lines.push(...(chunk as Buffer).toString('utf8').split('\n').filter(Boolean))
  const events = lines.map(
    (l) => JSON.parse(l) as { Type: string; Action: string; Actor: { ID: string; Attributes: Record<string, string> } },
  )
  const fromTrap = new Set(
    events
      .filter((e) => e.Type === 'container' && e.Action === 'start' && [evilId, evilTag].includes(e.Actor.Attributes.image))
      .map((e) => e.Actor.ID),
  )
  return events
    .filter((e) => e.Type === 'volume' && e.Action === 'mount' && e.Actor.ID === vol && fromTrap.has(e.Actor.Attributes.container))
    .map((e) => e.Actor.Attributes.container)
}

describe('the volume helper image', () => {
  it('is chosen by content: a script posing as sh under a busybox tag is never run with the volume mounted', async () => {
    const images = await docker.listImages()
    const size = (id: string) => images.find((i) => i.Id === id)?.Size ?? Infinity
    const real = (await docker.getImage(TEST_IMAGE).inspect()).Id
    // The trap is meaningful only if a name-and-size rule would pick it first.
    expect(size(evilId)).toBeLessThan(size(real))
    const since = Math.floor(Date.now() / 1000) - 1
    const ctx = await startApi()
    try {
      const listing = await ok<FileListing>(ctx.api, 'files.list', { target: { kind: 'volume', name: vol }, path: '' })
      expect(listing.entries.map((e) => e.name)).toEqual([sentinel])
      expect(listing.helperImage?.id).toBeDefined()
      expect(listing.helperImage?.id).not.toBe(evilId)
    } finally {
      await ctx.app.dispose()
    }
    expect((await volumeState(docker, vol)).files.map((f) => f.split(' ')[0])).toEqual([sentinel])
    expect(await trapStartsWithVolume(since)).toEqual([])
  })
})
