/**
 * Disk usage as `docker system df -v` shows it (E5), and the build cache's prune.
 * `GET /system/df` makes the engine walk every layer and container, so it is asked for
 * when the page wants it, never polled. The summary follows the docker CLI's arithmetic
 * (cli/command/formatter/disk_usage.go), so the figures match what a user sees in a
 * terminal — except the images' reclaimable space, which the CLI overstates (see
 * summarize). Podman answers /system/df without build cache and with some sizes
 * missing: those stay absent.
 */
import type Dockerode from 'dockerode'
import type {
  BuildCachePruneResult,
  DiskUsage,
  DiskUsageBuildCache,
  DiskUsageContainer,
  DiskUsageImage,
  DiskUsageSummary,
  DiskUsageVolume,
} from '../../shared/system'
import { WharfError } from '../../shared/errors'
import type { EngineConnection } from './connection'
import { asError, toWharfError } from './engineError'

type Raw = Record<string, unknown>

const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null ? (v as Raw) : {})
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.map(obj) : [])
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
/** The engine writes -1 for a size it did not compute. */
const size = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined)
const ms = (v: unknown): number | undefined => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN
  return Number.isFinite(t) ? t : undefined
}
const none = (t: string): boolean => t === '<none>:<none>' || t === '<none>@<none>'
const bareId = (id: string): string => id.replace(/^sha256:/, '')
/** Podman's /system/df writes image ids without the `sha256:` its image list (and dockerd) puts first. */
const imageId = (id: string): string => (/^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id)

/** Types `docker builder prune` keeps unless --all: BuildKit's own helper and frontend images. */
const KEPT_WITHOUT_ALL = new Set(['internal', 'frontend'])

export function toDiskUsage(raw: unknown): DiskUsage {
  const df = obj(raw)
  const containers: DiskUsageContainer[] = list(df.Containers).map((c) => {
    const rootFs = size(c.SizeRootFs)
    return {
      id: str(c.Id),
      name: str((c.Names as unknown[] | undefined)?.[0]).replace(/^\//, '') || str(c.Id).slice(0, 12),
      image: str(c.Image),
      command: str(c.Command),
      created: typeof c.Created === 'number' ? c.Created : 0,
      state: str(c.State),
      status: str(c.Status),
      // dockerd omits SizeRw when it is 0; it is only unknown when no size came at all.
      sizeRw: size(c.SizeRw) ?? (rootFs !== undefined ? 0 : undefined),
      sizeRootFs: rootFs,
    }
  })
  const imageIdOf = new Map(list(df.Containers).map((c) => [str(c.Id), imageId(str(c.ImageID))]))
  const images: DiskUsageImage[] = list(df.Images).map((i) => {
    const id = imageId(str(i.Id))
    const total = size(i.Size) ?? 0
    const shared = size(i.SharedSize)
    const count = typeof i.Containers === 'number' && i.Containers >= 0 ? i.Containers : undefined
    return {
      id,
      tags: (Array.isArray(i.RepoTags) ? i.RepoTags.map(str) : []).filter((t) => t && !none(t)),
      created: typeof i.Created === 'number' ? i.Created : 0,
      size: total,
      sharedSize: shared,
      uniqueSize: shared === undefined ? undefined : total - shared,
      containers: count,
      usedBy: containers.filter((c) => imageIdOf.get(c.id) === id).map((c) => c.name),
    }
  })
  const volumes: DiskUsageVolume[] = list(df.Volumes).map((v) => {
    const usage = obj(v.UsageData)
    return {
      name: str(v.Name),
      driver: str(v.Driver),
      mountpoint: str(v.Mountpoint) || undefined,
      links: size(usage.RefCount),
      size: size(usage.Size),
    }
  })
  const buildCache: DiskUsageBuildCache[] = list(df.BuildCache).map((b) => ({
    id: str(b.ID),
    type: str(b.Type),
    description: str(b.Description),
    inUse: b.InUse === true,
    shared: b.Shared === true,
    size: size(b.Size) ?? 0,
    createdAt: ms(b.CreatedAt),
    lastUsedAt: ms(b.LastUsedAt),
    usageCount: size(b.UsageCount),
  }))
  const layersSize = size(df.LayersSize)
  return {
    layersSize,
    summary: summarize(layersSize, images, containers, volumes, buildCache),
    images,
    containers,
    volumes,
    buildCache,
    // dockerd sends null when there is no cache; an engine without BuildKit leaves it out.
    buildCacheReported: 'BuildCache' in df,
  }
}

function line(kind: DiskUsageSummary['kind'], total: number, active: number, bytes: number, reclaimable: number): DiskUsageSummary {
  const summary: DiskUsageSummary = { kind, total, active, size: bytes, reclaimable }
  if (bytes > 0) summary.percent = Math.floor((reclaimable * 100) / bytes)
  return summary
}

const sum = (values: Array<number | undefined>): number => values.reduce<number>((a, b) => a + (b ?? 0), 0)
const isActive = (state: string): boolean => /running|paused|restarting/.test(state)

/** The four lines of `docker system df`. */
export function summarize(
  layersSize: number | undefined,
  images: DiskUsageImage[],
  containers: DiskUsageContainer[],
  volumes: DiskUsageVolume[],
  buildCache: DiskUsageBuildCache[],
): DiskUsageSummary[] {
  const usedImages = images.filter((i) => (i.containers ?? i.usedBy.length) > 0)
  // Without LayersSize (Podman answers 0) the images' own sizes are the best total there is.
  const imagesSize = layersSize || sum(images.map((i) => i.size))
  // The CLI counts only the unique bytes of images in use, so the layers they share
  // (with each other or a base) show as reclaimable though no prune frees them. Here the
  // largest image in use counts whole: what remains is at most what a prune can free.
  const largest = usedImages.reduce<DiskUsageImage | undefined>((big, i) => (!big || i.size > big.size ? i : big), undefined)
  const imagesUsed = (largest?.size ?? 0) + sum(usedImages.filter((i) => i !== largest).map((i) => i.uniqueSize))
  const stopped = containers.filter((c) => !isActive(c.state))
  const unusedVolumes = volumes.filter((v) => v.links === 0)
  const ownCache = buildCache.filter((b) => !b.shared)
  return [
    line('images', images.length, usedImages.length, imagesSize, Math.max(0, imagesSize - imagesUsed)),
    line(
      'containers',
      containers.length,
      containers.length - stopped.length,
      sum(containers.map((c) => c.sizeRw)),
      sum(stopped.map((c) => c.sizeRw)),
    ),
    line(
      'volumes',
      volumes.length,
      volumes.filter((v) => (v.links ?? 0) > 0).length,
      sum(volumes.map((v) => v.size)),
      sum(unusedVolumes.map((v) => v.size)),
    ),
    line(
      'buildCache',
      buildCache.length,
      buildCache.filter((b) => b.inUse).length,
      sum(ownCache.map((b) => b.size)),
      sum(ownCache.filter((b) => !b.inUse).map((b) => b.size)),
    ),
  ]
}

/**
 * The records `docker builder prune [-a]` removes: unused ones; without --all, not
 * those shared with images nor BuildKit's internal and frontend records. The engine
 * has no dry run, so this follows BuildKit's rule; the result names what really went.
 */
export function buildCacheCandidates(records: DiskUsageBuildCache[], all: boolean): DiskUsageBuildCache[] {
  return records.filter((r) => !r.inUse && (all || (!r.shared && !KEPT_WITHOUT_ALL.has(r.type))))
}

export class DiskUsageService {
  constructor(private readonly engine: EngineConnection) {}

  private async run<T>(work: (docker: Dockerode) => Promise<T>): Promise<T> {
    try {
      return await work(await this.engine.client())
    } catch (err) {
      throw toWharfError(err)
    }
  }

  diskUsage(): Promise<DiskUsage> {
    return this.run(async (docker) => {
      const usage = toDiskUsage(await docker.df())
      // Podman 4's /system/df names images by tag alone ("latest"); its image list has the full names.
      if (usage.images.some((i) => i.tags.some((t) => !t.includes(':')))) {
        const names = new Map((await docker.listImages()).map((i) => [bareId(i.Id), (i.RepoTags ?? []).filter((t) => !none(t))]))
        for (const image of usage.images) image.tags = names.get(bareId(image.id)) ?? image.tags
      }
      // Podman names a container's image by its id: say its name, as `docker ps` does.
      const tagOf = new Map(usage.images.filter((i) => i.tags.length).map((i) => [bareId(i.id), i.tags[0]]))
      for (const c of usage.containers) c.image = tagOf.get(bareId(c.image)) ?? c.image
      return usage
    })
  }

  async buildCachePruneCandidates(all: boolean): Promise<DiskUsageBuildCache[]> {
    return buildCacheCandidates((await this.diskUsage()).buildCache, all)
  }

  /** `POST /build/prune` (dockerode's pruneBuilder sends no options, so `all` needs its own request). */
  pruneBuildCache(all: boolean): Promise<BuildCachePruneResult> {
    return this.run(async (docker) => {
      const result = await new Promise<unknown>((resolve, reject) => {
        docker.modem.dial(
          {
            path: '/build/prune?',
            method: 'POST',
            options: all ? { all: true } : {},
            statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
          },
          (err: unknown, data: unknown) => (err ? reject(asError(err)) : resolve(data)),
        )
      }).catch((err: unknown) => {
        // Podman has no BuildKit, and no /build/prune.
        if ((err as { statusCode?: number }).statusCode === 404)
          throw new WharfError({
            code: 'unsupported',
            message: 'This engine has no build cache to prune (it does not answer POST /build/prune)',
          })
        throw err
      })
      const r = obj(result)
      return {
        deleted: Array.isArray(r.CachesDeleted) ? r.CachesDeleted.map(str).filter(Boolean) : [],
        spaceReclaimed: size(r.SpaceReclaimed) ?? 0,
      }
    })
  }
}
