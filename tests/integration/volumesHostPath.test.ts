// Reading a volume file from the host folder (DESIGN V3's local optimisation) and the
// rule that goes with it (§4): a path is checked where it is opened. `npm test` runs as
// root against a local dockerd, so the fast path must be usable here: these tests fail,
// never skip, when it is not.
import { readFile, readlink, realpath, stat } from 'node:fs/promises'
import { ReadStream } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PathStat } from '../../src/main/storage/archiveApi'
import { openVolumeFileOnHost } from '../../src/main/storage/hostPath'
import { download, startApi } from './support/app'
import { cleanup, dockerHost, runId, testDocker, TEST_IMAGE, waitFor } from './support/engine'
import { readAll, volumeFixture } from './support/volumes'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const vol = `wharf-it-${runId}-host`

beforeAll(async () => {
  ctx = await startApi()
  await volumeFixture(docker, vol)
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
})

/** The engine's stat of a path in the volume, as the helper sees it. */
async function engineStat(rel: string): Promise<PathStat> {
  const helper = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['true'],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${vol}:/v`] },
  })
  try {
    const res = (await helper.infoArchive({ path: `/v/${rel}` })) as { headers: Record<string, string> }
    return JSON.parse(Buffer.from(res.headers['x-docker-container-path-stat'], 'base64').toString()) as PathStat
  } finally {
    await helper.remove()
  }
}

describe('reading a volume file from the host folder', () => {
  it('opens the file the engine describes, inside the volume, and can be turned off', async () => {
    const hello = await engineStat('hello.txt')
    const found = await openVolumeFileOnHost(docker, dockerHost(), vol, 'hello.txt', hello)
    expect(found, 'the host-path fast path must work here (root, unix socket, local driver)').not.toBeNull()
    const mountpoint = await realpath((await docker.getVolume(vol).inspect()).Mountpoint)
    expect(await readlink(`/proc/self/fd/${found!.fd}`)).toBe(join(mountpoint, 'hello.txt'))
    await found!.close()
    expect(await openVolumeFileOnHost(docker, dockerHost(), vol, 'escape/etc/hostname', { ...hello, size: 1 })).toBeNull()
    expect(await openVolumeFileOnHost(docker, 'tcp://127.0.0.1:2375', vol, 'hello.txt', hello)).toBeNull()
    expect(await openVolumeFileOnHost(docker, dockerHost(), vol, 'hello.txt', { ...hello, size: 7 })).toBeNull()
    process.env.WHARF_NO_HOST_PATHS = '1'
    try {
      expect(await openVolumeFileOnHost(docker, dockerHost(), vol, 'hello.txt', hello)).toBeNull()
    } finally {
      delete process.env.WHARF_NO_HOST_PATHS
    }
  })

  it('never serves a host file while a container swaps a file or a folder for a link to /etc', async () => {
    const secret = await readFile('/etc/os-release')
    const host = await stat('/etc/os-release')
    // In the volume, os-release files of the same size and age as the host's, so every
    // check on size and mtime passes whichever one a download meets. Two races run:
    // d/os-release flips (atomically, by rename) between such a file and a link to the
    // host's; the folder e flips between a real folder holding such a file and a link to
    // /etc (not atomic: e is briefly missing in between).
    const fake = `head -c ${host.size} /dev/zero | tr '\\0' w > keep && touch -d @${Math.floor(host.mtimeMs / 1000)} keep`
    const setup = [
      `cd /v && mkdir d real && ${fake} && ln keep d/os-release && ln keep real/os-release && ln -s /etc etc && mv -T real e || exit 1`,
      'while :; do ln -s /etc/os-release d/.l && mv -T d/.l d/os-release; ln keep d/.f && mv -T d/.f d/os-release; done &',
      'touch .ready',
      'while :; do mv -T e real; mv -T etc e; mv -T e etc; mv -T real e; done',
    ].join('\n')
    const racer = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', setup],
      Labels: { 'wharf.test': runId },
      StopTimeout: 1,
      HostConfig: { Binds: [`${vol}:/v`] },
    })
    await racer.start()
    try {
      const mountpoint = (await docker.getVolume(vol).inspect()).Mountpoint
      await waitFor(
        () =>
          stat(join(mountpoint, '.ready')).then(
            () => true,
            () => false,
          ),
        'the racing container to start swapping',
      )
      let viaHost = 0
      let served = 0
      let refused = 0
      const leaks: string[] = []
      // Until enough downloads went the fast way (each a chance to leak), or 40 s on a loaded
      // machine, where the race lets fewer through.
      const end = Date.now() + 40_000
      const enough = (): boolean => viaHost >= 20 && served >= 20
      const downloader = async (): Promise<void> => {
        while (Date.now() < end && !enough()) {
          const path = (served + refused) % 3 ? 'd/os-release' : 'e/os-release'
          let body: Readable
          try {
            body = (await download(ctx, { kind: 'files', target: { kind: 'volume', name: vol }, path })).body
          } catch {
            refused++ // a link to /etc when Wharf resolved it: refused, as it should be
            continue
          }
          const fromHost = body instanceof ReadStream
          if (fromHost) viaHost++
          const bytes = await readAll(body).catch(() => null)
          if (!bytes) {
            refused++
            continue
          }
          served++
          if (bytes.equals(secret)) leaks.push(`${path} (${fromHost ? 'host path' : 'archive API'})`)
        }
      }
      // A few at once: more attempts in the same time, as a busy page would make.
      await Promise.all([downloader(), downloader(), downloader()])
      expect(leaks, `the host's /etc/os-release was served (${served} served, ${refused} refused)`).toEqual([])
      expect(served, 'some downloads got through while the racer ran').toBeGreaterThan(0)
      expect(viaHost, 'some downloads took the host-path fast path').toBeGreaterThan(0)
    } finally {
      await racer.remove({ force: true })
    }
  }, 60_000)
})
