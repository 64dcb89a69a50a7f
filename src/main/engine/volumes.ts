/**
 * Volumes (V1, V2, V5): the list with the containers using each (from one container
 * list, not `system df`), create, remove (refusals name the containers), prune after
 * showing what goes, size on request, and the host folders bind-mounted into containers.
 */
import type Dockerode from 'dockerode'
import { WharfError } from '../../shared/errors'
import type { BindMount, VolumeSummary } from '../../shared/files'
import { execCapture } from '../storage/execCapture'
import { readArchive } from '../storage/archiveApi'
import { HELPER_LABEL, MOUNTS, type VolumeHelpers } from '../storage/volumeHelpers'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'

export interface VolumeSpec {
  name: string
  driver: string
  options: string[]
  labels: string[]
}

/** docker's label filter: `key` needs the key, `key=value` that value. */
function hasLabel(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=')
  return eq < 0 ? filter in labels : labels[filter.slice(0, eq)] === filter.slice(eq + 1)
}

function pairs(list: string[]): Record<string, string> {
  return Object.fromEntries(list.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]))
}

/** One row of the list, with the containers that mount the volume. */
export function volumeRow(v: Dockerode.VolumeInspectInfo, containers: Dockerode.ContainerInfo[]): VolumeSummary {
  const usedBy = containers.flatMap((c) =>
    (c.Mounts ?? [])
      .filter((m) => m.Type === 'volume' && m.Name === v.Name)
      .map((m) => ({
        id: c.Id,
        name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
        running: c.State === 'running',
        destination: m.Destination,
      })),
  )
  const extra = v as unknown as { CreatedAt?: string }
  return {
    name: v.Name,
    driver: v.Driver,
    mountpoint: v.Mountpoint,
    created: extra.CreatedAt ?? '',
    scope: v.Scope,
    labels: v.Labels ?? {},
    options: v.Options ?? {},
    usedBy,
    dangling: usedBy.length === 0,
  }
}

export class VolumesService {
  constructor(
    private readonly engine: EngineConnection,
    private readonly helpers: VolumeHelpers,
  ) {}

  private async run<T>(work: (docker: Dockerode) => Promise<T>): Promise<T> {
    try {
      return await work(await this.engine.client())
    } catch (err) {
      throw err instanceof WharfError ? err : toWharfError(err)
    }
  }

  /** Wharf's own helpers are not "users" of a volume. */
  private async userContainers(docker: Dockerode): Promise<Dockerode.ContainerInfo[]> {
    const all = await docker.listContainers({ all: true })
    return all.filter((c) => !c.Labels?.[HELPER_LABEL])
  }

  list(): Promise<VolumeSummary[]> {
    return this.run(async (docker) => {
      const [{ Volumes }, containers] = await Promise.all([docker.listVolumes(), this.userContainers(docker)])
      return (Volumes ?? []).map((v) => volumeRow(v, containers))
    })
  }

  /** The rows of these volumes as the list has them now; names the engine no longer has are `gone`. */
  rows(names: string[]): Promise<{ rows: VolumeSummary[]; gone: string[] }> {
    return this.run(async (docker) => {
      const containers = await this.userContainers(docker)
      const rows: VolumeSummary[] = []
      const gone: string[] = []
      for (const name of names) {
        const volume = await docker
          .getVolume(name)
          .inspect()
          .catch((err: unknown) => {
            if (toWharfError(err).code === 'not_found') return undefined
            throw err
          })
        if (volume) rows.push(volumeRow(volume, containers))
        else gone.push(name)
      }
      return { rows, gone }
    })
  }

  create(spec: VolumeSpec): Promise<{ name: string }> {
    return this.run(async (docker) => {
      if (spec.name) {
        const exists = await docker
          .getVolume(spec.name)
          .inspect()
          .then(() => true)
          .catch(() => false)
        if (exists) throw new WharfError({ code: 'conflict', message: `A volume named ${spec.name} already exists` })
      }
      const created = (await docker.createVolume({
        Name: spec.name || undefined,
        Driver: spec.driver,
        DriverOpts: pairs(spec.options),
        Labels: pairs(spec.labels),
      })) as unknown as { name?: string; Name?: string }
      // dockerode resolves with a Volume handle (name); the raw API answers with Name.
      return { name: created.name ?? created.Name ?? spec.name }
    })
  }

  /** Refuses a volume in use, naming the containers; `force` does not override that (the engine would refuse too). */
  remove(names: string[]): Promise<{ removed: string[]; failed: Array<{ name: string; message: string }> }> {
    return this.run(async (docker) => {
      const containers = await this.userContainers(docker)
      const removed: string[] = []
      const failed: Array<{ name: string; message: string }> = []
      for (const name of names) {
        const users = containers.filter((c) => (c.Mounts ?? []).some((m) => m.Type === 'volume' && m.Name === name))
        if (users.length) {
          failed.push({ name, message: `${name} is in use by ${users.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, '')).join(', ')}` })
          continue
        }
        await this.helpers.releaseVolume(name)
        try {
          await docker.getVolume(name).remove()
          removed.push(name)
        } catch (err) {
          failed.push({ name, message: toWharfError(err).message })
        }
      }
      return { removed, failed }
    })
  }

  /** What `docker volume prune` would delete (unused volumes; anonymous only unless `all`; only those with `labels` when given). */
  async pruneCandidates(all: boolean, labels: string[] = []): Promise<VolumeSummary[]> {
    const volumes = await this.list()
    return volumes.filter((v) => v.dangling && (all || isAnonymous(v)) && labels.every((l) => hasLabel(v.labels, l)))
  }

  /**
   * `docker volume prune [--all]`, removing what pruneCandidates lists. Only dockerd
   * 23 and later (API 1.42) keep named volumes without `all`; older ones, and Podman,
   * prune every unused volume and refuse the `all` filter. There the narrow prune
   * removes the listed anonymous volumes one by one, so no named volume is lost.
   */
  prune(all: boolean, labels?: string[]): Promise<{ deleted: string[]; spaceReclaimed: number }> {
    return this.run(async (docker) => {
      const candidates = await this.pruneCandidates(all, labels)
      for (const v of candidates) await this.helpers.releaseVolume(v.name)
      const keepsNamed = this.pruneKeepsNamed()
      if (!all && !keepsNamed) return this.removeEach(docker, candidates)
      const filters = { ...(all && keepsNamed ? { all: ['true'] } : {}), ...(labels?.length ? { label: labels } : {}) }
      const result = (await docker.pruneVolumes(Object.keys(filters).length ? { filters } : {})) as {
        VolumesDeleted?: string[]
        SpaceReclaimed?: number
      }
      return { deleted: result.VolumesDeleted ?? [], spaceReclaimed: result.SpaceReclaimed ?? 0 }
    })
  }

  private pruneKeepsNamed(): boolean {
    const { flavor, apiVersion } = this.engine.getStatus()
    const [major, minor] = (apiVersion ?? '').split('.').map(Number)
    return flavor === 'docker' && (major > 1 || (major === 1 && minor >= 42))
  }

  /** Removes each volume, with the space the engine counted for it (`system df`) as reclaimed. */
  private async removeEach(docker: Dockerode, volumes: VolumeSummary[]): Promise<{ deleted: string[]; spaceReclaimed: number }> {
    if (!volumes.length) return { deleted: [], spaceReclaimed: 0 }
    const df = (await docker.df()) as { Volumes?: Array<{ Name: string; UsageData?: { Size?: number } | null }> | null }
    const sizes = new Map((df.Volumes ?? []).map((v) => [v.Name, Math.max(0, v.UsageData?.Size ?? 0)]))
    const deleted: string[] = []
    let spaceReclaimed = 0
    for (const v of volumes) {
      try {
        await docker.getVolume(v.name).remove()
      } catch (err) {
        // Taken into use since it was listed: prune would leave it too.
        if (toWharfError(err).code === 'conflict') continue
        throw err
      }
      deleted.push(v.name)
      spaceReclaimed += sizes.get(v.name) ?? 0
    }
    return { deleted, spaceReclaimed }
  }

  /** Bytes in a volume, on request: `du` in a helper with a shell, else the size of its tar. */
  size(name: string): Promise<{ name: string; bytes: number; approximate: boolean }> {
    return this.run((docker) =>
      this.helpers.use([name], async (helper) => {
        if (helper.shell) {
          const r = await execCapture(docker, helper.id, ['du', '-sk', MOUNTS[0]], 120_000)
          const kib = parseInt(r.stdout.toString('utf8'), 10)
          if (r.exitCode === 0 && Number.isFinite(kib)) return { name, bytes: kib * 1024, approximate: false }
        }
        const tar = await readArchive(docker, helper.id, `${MOUNTS[0]}/.`)
        let bytes = 0
        for await (const chunk of tar) bytes += (chunk as Buffer).length
        return { name, bytes, approximate: true }
      }),
    )
  }

  /** Host paths bind-mounted into containers, each with the containers that use it. */
  bindMounts(): Promise<BindMount[]> {
    return this.run(async (docker) => {
      const bySource = new Map<string, BindMount>()
      for (const c of await this.userContainers(docker)) {
        for (const m of c.Mounts ?? []) {
          if (m.Type !== 'bind') continue
          const entry = bySource.get(m.Source) ?? { source: m.Source, containers: [] }
          entry.containers.push({
            id: c.Id,
            name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
            destination: m.Destination,
            readOnly: !m.RW,
            running: c.State === 'running',
          })
          bySource.set(m.Source, entry)
        }
      }
      return [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source))
    })
  }
}

/** Anonymous volumes get a 64-hex name and, from recent engines, a label saying so. */
function isAnonymous(v: VolumeSummary): boolean {
  return 'com.docker.volume.anonymous' in v.labels || /^[0-9a-f]{64}$/.test(v.name)
}
