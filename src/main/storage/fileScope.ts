/**
 * Where a target's files are reached (a volume's helper, or the container itself) and
 * the one rule every operation goes through: a relative path is resolved component by
 * component against the engine, and a symlink that leads outside the volume is refused.
 * A container's own filesystem needs no such walk: the engine confines its archive API
 * to the container.
 */
import type Dockerode from 'dockerode'
import { posix } from 'node:path'
import { fieldText } from '../../shared/fieldText'
import { WharfError } from '../../shared/errors'
import type { FileLimit, FileTarget, HelperImage } from '../../shared/files'
import { readArchive, statPath, type PathStat } from './archiveApi'
import { execCapture } from './execCapture'
import { fromGoMode } from './fileMode'
import { listFromTar } from './listing'
import { MOUNTS, TOOLS_PROBE, type VolumeHelpers } from './volumeHelpers'

export interface Scope {
  docker: Dockerode
  /** The container whose archive API and exec reach the files. */
  container: string
  /** The root every path stays in: '/wharf-volume' for a volume, '' for a container's /. */
  root: string
  shell: boolean
  /** Why rename/delete or a full listing is not available, when so. */
  limit?: FileLimit
  label: string
  /**
   * The engine's archive stat follows links to their end (Podman): a link whose target
   * is missing there answers 404 instead of describing the link.
   */
  statFollowsLinks?: boolean
  /** For a volume, the image its helper runs from. */
  helperImage?: HelperImage
}

/** Reading a folder's tar to find one link in it stops after this much. */
const LINK_LOOKUP_LIMIT = 16 * 1024 * 1024

export function refused(message: string): WharfError {
  return new WharfError({ code: 'invalid_input', message })
}

export class FileScopes {
  private readonly containerShell = new Map<string, boolean>()

  constructor(
    private readonly client: () => Promise<Dockerode>,
    readonly helpers: VolumeHelpers,
    private readonly statFollowsLinks: () => boolean = () => false,
  ) {}

  async with<T>(target: FileTarget, work: (scope: Scope) => Promise<T>): Promise<T> {
    const docker = await this.client()
    if (target.kind === 'volume') {
      return this.helpers.use([target.name], (helper) =>
        work({
          docker,
          container: helper.id,
          root: MOUNTS[0],
          shell: helper.shell,
          label: target.name,
          limit: helper.shell ? undefined : 'no-shell-image',
          statFollowsLinks: this.statFollowsLinks(),
          helperImage: helper.image,
        }),
      )
    }
    const info = await docker
      .getContainer(target.id)
      .inspect()
      .catch(() => {
        throw new WharfError({ code: 'not_found', message: `No such container: ${target.id}` })
      })
    const running = info.State.Running && !info.State.Paused
    let shell = false
    if (running) {
      shell = this.containerShell.get(info.Id) ?? false
      if (!this.containerShell.has(info.Id)) {
        shell = await execCapture(docker, info.Id, ['sh', '-c', TOOLS_PROBE], 10_000)
          .then((r) => r.exitCode === 0)
          .catch(() => false)
        this.containerShell.set(info.Id, shell)
      }
    }
    const limit: FileLimit | undefined = shell ? undefined : running ? 'container-no-shell' : 'container-stopped'
    return work({ docker, container: info.Id, root: '', shell, limit, label: info.Name.replace(/^\//, '') })
  }
}

/**
 * The absolute path in the helper or container for `rel`, following symlinks inside
 * the root. `keepLast` leaves a final symlink as it is (rename or delete the link).
 * Missing components are allowed only with `allowMissing` (uploads create them).
 */
export async function resolvePath(
  scope: Scope,
  rel: string,
  opts: { keepLast?: boolean; allowMissing?: boolean } = {},
): Promise<{ path: string; stat: PathStat | null }> {
  const parts = rel ? rel.split('/') : []
  if (scope.root === '') {
    const path = `/${rel}`
    return { path, stat: await statPath(scope.docker, scope.container, path) }
  }
  let current: string = scope.root
  let stat = await statPath(scope.docker, scope.container, current)
  for (let i = 0; i < parts.length; i++) {
    const next = `${current}/${parts[i]}`
    stat = await statPath(scope.docker, scope.container, next)
    const last = i === parts.length - 1
    const shown = parts.slice(0, i + 1).join('/')
    if (!stat) {
      const link = scope.statFollowsLinks ? await readLink(scope, next) : null
      if (link !== null) {
        // The link itself is there: it can be renamed or deleted, never followed out.
        if (last && opts.keepLast) return { path: next, stat: null }
        const target = posix.resolve(current, link)
        if (!inside(scope, target)) throw outside(shown, target)
      }
      if (opts.allowMissing && link === null) return { path: [next, ...parts.slice(i + 1)].join('/'), stat: null }
      throw new WharfError({ code: 'not_found', message: fieldText('doesNotExist', { path: shown }) })
    }
    if (fromGoMode(stat.mode).type === 'link' && !(last && opts.keepLast)) {
      const target = stat.linkTarget
      if (!inside(scope, target)) throw outside(shown, target)
      current = target
      if (last) stat = await statPath(scope.docker, scope.container, current)
    } else current = next
  }
  return { path: current, stat }
}

function inside(scope: Scope, path: string): boolean {
  return path === scope.root || path.startsWith(`${scope.root}/`)
}

function outside(shown: string, target: string): WharfError {
  return refused(`${shown} is a link to ${target}, outside the volume; Wharf does not follow it`)
}

/**
 * Where a link leads, read without following it, or null when `path` is no link. Asked
 * only after a 404 from an engine whose stat follows links: a link out of the volume
 * usually leads to a path of the application's container that the helper does not have.
 */
async function readLink(scope: Scope, path: string): Promise<string | null> {
  if (scope.shell) {
    // Through sh, as the listing runs: busybox images may have the applet but no link to it.
    const result = await execCapture(scope.docker, scope.container, ['sh', '-c', 'readlink -- "$1"', 'wharf-readlink', path], 10_000)
    return result.exitCode === 0 ? result.stdout.toString('utf8').replace(/\n$/, '') : null
  }
  // Without a shell, the link's own folder's tar holds it as a link entry.
  const slash = path.lastIndexOf('/')
  const tar = await readArchive(scope.docker, scope.container, `${path.slice(0, slash)}/.`)
  const { entries } = await listFromTar(tar, LINK_LOOKUP_LIMIT)
  const entry = entries.find((e) => e.name === path.slice(slash + 1))
  return entry?.type === 'link' ? (entry.linkTarget ?? '') : null
}

export function isDir(stat: PathStat | null): boolean {
  return !!stat && fromGoMode(stat.mode).type === 'dir'
}
