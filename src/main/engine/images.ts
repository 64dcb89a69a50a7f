/**
 * Images on the connected engine: the list with which containers use each image, details,
 * history, tag/untag, remove and prune. "Used by" is counted from one container list call,
 * never from `system df` or `?size=true`, which make the engine walk every layer.
 */
import type Dockerode from 'dockerode'
import type { Readable } from 'node:stream'
import { WharfError } from '../../shared/errors'
import type { HistoryEntry, ImageDetail, ImagePruneResult, ImageRemoveResult } from '../../shared/images'
import type { LayerExplorerResult } from '../../shared/layers'
import type { ImageSummary } from '../../shared/types'
import { analyzeImageTar } from '../images/layerAnalysis'
import type { EngineConnection } from './connection'
import { asError, toWharfError } from './engineError'

type UsedBy = ImageSummary['usedBy']

async function usage(docker: Dockerode): Promise<Map<string, UsedBy>> {
  const byImage = new Map<string, UsedBy>()
  for (const c of await docker.listContainers({ all: true })) {
    const list = byImage.get(c.ImageID) ?? []
    list.push({ id: c.Id, name: (c.Names[0] ?? c.Id).replace(/^\//, ''), state: c.State })
    byImage.set(c.ImageID, list)
  }
  return byImage
}

const none = (t: string): boolean => t === '<none>:<none>' || t === '<none>@<none>'

/** One row of the list, from the list's entry or an inspect (whose `Created` is a date, not seconds). */
export function imageRow(
  i: { Id: string; RepoTags?: string[] | null; RepoDigests?: string[] | null; Size: number; Created: number | string },
  used: Map<string, UsedBy>,
): ImageSummary {
  const tags = (i.RepoTags ?? []).filter((t) => !none(t))
  return {
    id: i.Id,
    tags,
    digests: (i.RepoDigests ?? []).filter((d) => !none(d)),
    size: i.Size,
    created: typeof i.Created === 'number' ? i.Created : Math.floor(Date.parse(i.Created) / 1000),
    dangling: tags.length === 0,
    usedBy: used.get(i.Id) ?? [],
  }
}

export class ImagesService {
  constructor(private readonly engine: EngineConnection) {}

  private async run<T>(work: (docker: Dockerode) => Promise<T>): Promise<T> {
    try {
      return await work(await this.engine.client())
    } catch (err) {
      throw toWharfError(err)
    }
  }

  /** Every image, or only those carrying `labels` (`key` or `key=value`). */
  list(labels?: string[]): Promise<ImageSummary[]> {
    return this.run(async (docker) => {
      // Podman answers an empty `filters=` with a JSON error: the key only when there are labels.
      const options = labels?.length ? { all: false, filters: { label: labels } } : { all: false }
      const [images, used] = await Promise.all([docker.listImages(options), usage(docker)])
      return images.map((i) => imageRow(i, used))
    })
  }

  /**
   * The rows of these images (ids, or names from a pull) as the list has them now; ids
   * the engine no longer has are `gone` (a name that is gone says nothing about an id).
   */
  rows(keys: string[]): Promise<{ rows: ImageSummary[]; gone: string[] }> {
    return this.run(async (docker) => {
      const used = await usage(docker)
      const rows = new Map<string, ImageSummary>()
      const gone: string[] = []
      for (const key of keys) {
        const image = await docker
          .getImage(key)
          .inspect()
          .catch((err: unknown) => {
            if (toWharfError(err).code === 'not_found') return undefined
            throw err
          })
        if (image) rows.set(image.Id, imageRow(image, used))
        else if (key.startsWith('sha256:')) gone.push(key)
      }
      return { rows: [...rows.values()], gone }
    })
  }

  inspect(id: string): Promise<ImageDetail> {
    return this.run(async (docker) => {
      const i = await docker.getImage(id).inspect()
      const config = (i.Config ?? {}) as Partial<Dockerode.ImageInspectInfo['Config']> & { StopSignal?: string }
      return {
        id: i.Id,
        tags: (i.RepoTags ?? []).filter((t) => !none(t)),
        digests: (i.RepoDigests ?? []).filter((d) => !none(d)),
        parent: i.Parent ?? '',
        comment: i.Comment ?? '',
        created: i.Created,
        author: i.Author ?? '',
        architecture: i.Architecture ?? '',
        os: i.Os ?? '',
        size: i.Size,
        graphDriver: { name: i.GraphDriver?.Name ?? '', data: i.GraphDriver?.Data ?? {} },
        layers: i.RootFS?.Layers ?? [],
        config: {
          cmd: asList(config.Cmd),
          entrypoint: asList(config.Entrypoint),
          env: config.Env ?? [],
          exposedPorts: Object.keys(config.ExposedPorts ?? {}),
          volumes: Object.keys(config.Volumes ?? {}),
          workdir: config.WorkingDir ?? '',
          user: config.User ?? '',
          labels: config.Labels ?? {},
          stopSignal: config.StopSignal ?? '',
        },
      }
    })
  }

  history(id: string): Promise<HistoryEntry[]> {
    return this.run(async (docker) => {
      const steps = (await docker.getImage(id).history()) as Array<{
        Id: string
        Created: number
        CreatedBy: string
        Size: number
        Tags: string[] | null
        Comment: string
      }>
      return steps.map((h) => ({
        id: h.Id === '<missing>' ? '' : h.Id,
        created: h.Created,
        createdBy: h.CreatedBy,
        size: h.Size,
        tags: (h.Tags ?? []).filter((t) => !none(t)),
        comment: h.Comment,
      }))
    })
  }

  /** The layer explorer: the image's layers read as one stream (`docker save`), never held in memory. */
  layers(id: string): Promise<LayerExplorerResult> {
    return this.run(async (docker) => analyzeImageTar((await docker.getImage(id).get()) as unknown as Readable))
  }

  /** `docker tag`: the repository and tag are split at the last colon after the last slash. */
  tag(id: string, reference: string): Promise<{ tagged: string }> {
    const slash = reference.lastIndexOf('/')
    const colon = reference.lastIndexOf(':')
    const [repo, tag] = colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest']
    return this.run(async (docker) => {
      await docker.getImage(id).tag({ repo, tag })
      return { tagged: `${repo}:${tag}` }
    })
  }

  /**
   * `docker rmi`. When the engine refuses because containers use the image, the message
   * names them, so the user knows what "force" would break.
   */
  remove(id: string, force = false): Promise<ImageRemoveResult> {
    return this.run(async (docker) => {
      try {
        const items = (await docker.getImage(id).remove({ force })) as Array<{ Untagged?: string; Deleted?: string }>
        return {
          untagged: items.flatMap((i) => (i.Untagged ? [i.Untagged] : [])),
          deleted: items.flatMap((i) => (i.Deleted ? [i.Deleted] : [])),
        }
      } catch (err) {
        const error = toWharfError(err)
        if (error.code !== 'conflict') throw error
        const image = await docker
          .getImage(id)
          .inspect()
          .catch(() => undefined)
        const users = image ? ((await usage(docker)).get(image.Id) ?? []) : []
        if (users.length === 0) throw error
        const names = users.map((u) => `${u.name} (${u.state})`).join(', ')
        throw new WharfError({ code: 'conflict', status: error.status, message: `${error.message}. Used by: ${names}.` })
      }
    })
  }

  /** What prune would remove, listed before asking. */
  pruneCandidates(all: boolean, labels?: string[]): Promise<ImageSummary[]> {
    return this.list(labels).then((images) => images.filter((i) => i.usedBy.length === 0 && (all || i.dangling)))
  }

  prune(all: boolean, labels?: string[]): Promise<ImagePruneResult> {
    return this.run(async (docker) => {
      if (all && this.engine.getStatus().flavor === 'podman') return pruneAllOnPodman(docker, labels)
      const filters = { dangling: [all ? 'false' : 'true'], ...(labels?.length ? { label: labels } : {}) }
      const result = await docker.pruneImages({ filters: JSON.stringify(filters) })
      return {
        deleted: (result.ImagesDeleted ?? []).flatMap((i) => (i.Deleted ? [i.Deleted] : [])),
        spaceReclaimed: result.SpaceReclaimed ?? 0,
      }
    })
  }
}

/**
 * Podman's Docker-compatible prune removes dangling images only: it refuses
 * `dangling=false` ("specifying dangling filter more than once") and ignores `all`. Its
 * own API does prune every unused image; it answers with each image and its size.
 */
async function pruneAllOnPodman(docker: Dockerode, labels?: string[]): Promise<ImagePruneResult> {
  const report = await new Promise<unknown>((resolve, reject) =>
    docker.modem.dial(
      {
        path: '/v4.0.0/libpod/images/prune?',
        method: 'POST',
        options: { all: true, ...(labels?.length ? { filters: { label: labels } } : {}) },
        statusCodes: { 200: true, 500: 'server error' },
      },
      (err: unknown, data: unknown) => (err ? reject(asError(err)) : resolve(data)),
    ),
  )
  const removed = (Array.isArray(report) ? report : []) as Array<{ Id?: string; Size?: number; Err?: unknown }>
  const done = removed.filter((r): r is { Id: string; Size?: number } => typeof r.Id === 'string' && !r.Err)
  return {
    deleted: done.map((r) => (r.Id.startsWith('sha256:') ? r.Id : `sha256:${r.Id}`)),
    spaceReclaimed: done.reduce((sum, r) => sum + (r.Size ?? 0), 0),
  }
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' && value ? [value] : []
}
