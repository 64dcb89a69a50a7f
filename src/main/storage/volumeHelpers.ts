/**
 * Helper containers that mount a volume so Wharf can read and change its files on any
 * engine (DESIGN V3). In order: an image already on the engine with a shell and the
 * usual tools — chosen by what it contains and proven with nothing mounted before it
 * ever sees a volume (helperImage.ts), then remembered by ID; with none, an empty image
 * Wharf imports from a tar it builds in memory, used by a container that is created but
 * never started — the archive API still reads and writes its mounts. Nothing is ever
 * pulled.
 *
 * Helpers are labelled and removed after a short idle time; those left by a crashed
 * Wharf are removed on the next start (their owner process is gone), and a running
 * helper ends itself after an hour in any case.
 */
import type Dockerode from 'dockerode'
import { hostname } from 'node:os'
import { pack } from 'tar-stream'
import { WharfError } from '../../shared/errors'
import type { EngineConnection } from '../engine/connection'
import { toWharfError } from '../engine/engineError'
import type { HelperImage } from '../../shared/files'
import { execCapture } from './execCapture'
import { examineCandidates, probeScript, provesItself } from './helperImage'

export const HELPER_LABEL = 'wharf.helper'
const OWNER_LABEL = 'wharf.helper.owner'
/** Where the first (and the second, when cloning) volume appears in a helper. */
export const MOUNTS = ['/wharf-volume', '/wharf-target'] as const
const EMPTY_IMAGE = 'wharf-helper-empty'
const IDLE_MS = 90_000
export const TOOLS_PROBE = 'for t in stat find readlink mv rm rmdir mkdir sleep; do command -v $t >/dev/null || exit 97; done'

export interface Helper {
  id: string
  /** Can run commands: listing by find/stat, rename, delete. */
  shell: boolean
  image: HelperImage
}

interface Slot {
  helper: Promise<Helper>
  users: number
  timer?: NodeJS.Timeout
}

const owner = `${hostname()}:${process.pid}`

export class VolumeHelpers {
  private readonly slots = new Map<string, Slot>()
  /** The image that proved to have a shell and tools, or null for archive-only; per engine. */
  private shellImage?: { endpoint: string; image: HelperImage | null }
  private cleaned = false

  constructor(
    private readonly engine: EngineConnection,
    private readonly options: { archiveOnly?: boolean } = {},
  ) {}

  /** Holds a helper with `volumes` mounted (at MOUNTS) until `release` is called. */
  async acquire(volumes: string[]): Promise<{ helper: Helper; release: () => void }> {
    const key = volumes.join('\n')
    let slot = this.slots.get(key)
    if (!slot) {
      const created: Slot = { helper: this.create(volumes), users: 0 }
      created.helper.catch(() => this.slots.delete(key))
      this.slots.set(key, created)
      slot = created
    }
    slot.users++
    clearTimeout(slot.timer)
    let released = false
    const release = (): void => {
      if (released || !slot) return
      released = true
      slot.users--
      if (slot.users === 0) slot.timer = setTimeout(() => void this.drop(key), IDLE_MS)
    }
    try {
      return { helper: await slot.helper, release }
    } catch (err) {
      release()
      throw err
    }
  }

  /** Runs `work` with a helper; if the helper vanished (removed by hand), makes a new one once. */
  async use<T>(volumes: string[], work: (helper: Helper) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const { helper, release } = await this.acquire(volumes)
      try {
        return await work(helper)
      } catch (err) {
        if (attempt === 0 && /no such container/i.test((err as Error).message)) {
          await this.drop(volumes.join('\n'))
          continue
        }
        throw err
      } finally {
        release()
      }
    }
  }

  /** Removes the helpers mounting `volume` (before the volume itself is removed). */
  async releaseVolume(volume: string): Promise<void> {
    const keys = [...this.slots.keys()].filter((k) => k.split('\n').includes(volume))
    await Promise.all(keys.map((k) => this.drop(k)))
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.slots.keys()].map((k) => this.drop(k)))
  }

  private async drop(key: string): Promise<void> {
    const slot = this.slots.get(key)
    if (!slot) return
    this.slots.delete(key)
    clearTimeout(slot.timer)
    const helper = await slot.helper.catch(() => undefined)
    if (!helper) return
    const docker = await this.engine.client().catch(() => undefined)
    await docker
      ?.getContainer(helper.id)
      .remove({ force: true, v: false })
      .catch(() => undefined)
  }

  private async create(volumes: string[]): Promise<Helper> {
    const docker = await this.engine.client()
    if (!this.cleaned) {
      this.cleaned = true
      await removeLeftovers(docker)
    }
    for (const volume of volumes) {
      await docker
        .getVolume(volume)
        .inspect()
        .catch((err: unknown) => {
          throw toWharfError(err)
        })
    }
    const endpoint = this.engine.getStatus().endpoint ?? ''
    if (this.shellImage?.endpoint !== endpoint) this.shellImage = undefined
    if (!this.options.archiveOnly && this.shellImage?.image !== null) {
      const known = this.shellImage?.image
      const labels = { [HELPER_LABEL]: 'probe', [OWNER_LABEL]: owner }
      const candidates = known ? [known] : await examineCandidates(docker, labels)
      for (const image of candidates) {
        // Nothing unproven is started with a volume mounted.
        if (!known && !(await provesItself(docker, image.id, probeScript(TOOLS_PROBE), labels))) continue
        const helper = await tryShellHelper(docker, image, volumes)
        if (helper) {
          this.shellImage = { endpoint, image }
          return helper
        }
      }
      this.shellImage = known ? undefined : { endpoint, image: null }
    }
    return archiveHelper(docker, volumes)
  }
}

function helperSpec(image: string, volumes: string[], shell: boolean): Dockerode.ContainerCreateOptions {
  return {
    Image: image,
    Entrypoint: shell ? ['sh', '-c'] : ['/wharf-never-started'],
    Cmd: shell ? ['exec sleep 3600'] : [],
    User: '0:0',
    WorkingDir: '/',
    NetworkDisabled: true,
    Labels: { [HELPER_LABEL]: 'volume', [OWNER_LABEL]: owner, 'wharf.helper.volumes': volumes.join(',') },
    HostConfig: {
      Binds: volumes.map((v, i) => `${v}:${MOUNTS[i]}`),
      NetworkMode: 'none',
      AutoRemove: shell,
    },
  }
}

async function tryShellHelper(docker: Dockerode, image: HelperImage, volumes: string[]): Promise<Helper | null> {
  let container: Dockerode.Container | undefined
  try {
    container = await docker.createContainer(helperSpec(image.id, volumes, true))
    await container.start()
    const probe = await execCapture(docker, container.id, ['sh', '-c', TOOLS_PROBE], 10_000)
    if (probe.exitCode === 0) return { id: container.id, shell: true, image }
  } catch {
    // No shell, no sleep, a platform the engine cannot run: try the next image.
  }
  await container?.remove({ force: true }).catch(() => undefined)
  return null
}

async function archiveHelper(docker: Dockerode, volumes: string[]): Promise<Helper> {
  try {
    const image = await emptyImage(docker)
    const container = await docker.createContainer(helperSpec(image.id, volumes, false))
    return { id: container.id, shell: false, image }
  } catch (err) {
    throw toWharfError(err)
  }
}

/** An image with nothing but the mount folders, imported like `docker import` (no pull). */
async function emptyImage(docker: Dockerode): Promise<HelperImage> {
  // `latest`: Podman's import ignores the tag parameter and always tags latest.
  const name = `${EMPTY_IMAGE}:latest`
  const found = await docker
    .getImage(name)
    .inspect()
    .then((info) => info.Id)
    .catch(() => undefined)
  if (found) return { id: found, name }
  const tar = pack()
  for (const dir of MOUNTS) tar.entry({ name: `${dir.slice(1)}/`, type: 'directory', mode: 0o755 })
  tar.finalize()
  const progress = await docker.importImage(tar, { repo: EMPTY_IMAGE, tag: 'latest' })
  const output = await new Promise<string>((resolve, reject) => {
    let text = ''
    progress.on('data', (c: Buffer) => (text += c.toString()))
    progress.on('end', () => resolve(text))
    progress.on('error', reject)
  })
  if (/"error"/.test(output))
    throw new WharfError({ code: 'engine_error', message: `Could not import the helper image: ${output.slice(0, 300)}` })
  return { id: (await docker.getImage(name).inspect()).Id, name }
}

/** Helpers whose Wharf is gone: same host, owner process not alive; or never started and old. */
async function removeLeftovers(docker: Dockerode): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } }).catch(() => [])
  const host = hostname()
  const stale = list.filter((c) => {
    const [h, pid] = (c.Labels[OWNER_LABEL] ?? '').split(':')
    const ownerGone = h === host && !alive(Number(pid))
    const oldAndIdle = c.State !== 'running' && Date.now() / 1000 - c.Created > 15 * 60
    return ownerGone || oldAndIdle
  })
  await Promise.all(
    stale.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  )
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
