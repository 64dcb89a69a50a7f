/**
 * DESIGN V3's one optimisation: when the engine runs on this machine (a unix socket) and
 * a local volume's folder is readable here (Wharf as root, rootless Podman's volumes in
 * the user's home), a file is read from disk instead of through the archive API.
 *
 * A container that mounts the volume can swap a folder for a link (to /etc, say) at any
 * moment, so a path checked first and opened later can lead anywhere by the time it is
 * opened (docker cp's CVE-2018-15664). The file is therefore opened once, final
 * component not followed, and what was opened is checked through the descriptor: the
 * kernel's own path for it (/proc/self/fd/N) must be inside the volume's folder, its
 * dev/ino must match that path's, and it must be a regular file the size and age the
 * engine reported. The bytes are then read from that descriptor, never by name again.
 * Without /proc (macOS, where volumes live in a VM anyway) the archive API is used.
 * WHARF_NO_HOST_PATHS=1 turns it off.
 */
import type Dockerode from 'dockerode'
import { constants } from 'node:fs'
import { lstat, open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { PathStat } from './archiveApi'

/** The volume file `rel` opened on this machine and checked, or null: then the archive API is used. */
export async function openVolumeFileOnHost(
  docker: Dockerode,
  endpoint: string,
  volume: string,
  rel: string,
  engineStat: PathStat,
): Promise<FileHandle | null> {
  if (process.env.WHARF_NO_HOST_PATHS === '1' || !endpoint.startsWith('unix://') || process.platform !== 'linux') return null
  // An empty file is no faster from disk, and one that grows after the check would overrun its Content-Length.
  if (engineStat.size === 0) return null
  let handle: FileHandle | undefined
  try {
    const info = await docker.getVolume(volume).inspect()
    if (info.Driver !== 'local' || !info.Mountpoint) return null
    const root = await realpath(info.Mountpoint)
    const path = join(root, rel)
    // Only a cheap early refusal: a FIFO or a device someone made in the volume is not even opened.
    if (!(await lstat(path)).isFile()) return null
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    if (!(await opensInside(handle, root))) {
      await handle.close()
      return null
    }
    const local = await handle.stat()
    const sameSecond = Math.floor(local.mtimeMs / 1000) === Math.floor(Date.parse(engineStat.mtime) / 1000)
    if (!local.isFile() || local.size !== engineStat.size || !sameSecond) {
      await handle.close()
      return null
    }
    return handle
  } catch {
    await handle?.close().catch(() => undefined)
    return null
  }
}

/** Whether the open file is one inside `root`, by the kernel's account of the descriptor. */
async function opensInside(handle: FileHandle, root: string): Promise<boolean> {
  const opened = await readlink(`/proc/self/fd/${handle.fd}`)
  if (!opened.startsWith(root + sep)) return false
  // The same file by that path: not one that was deleted or renamed away meanwhile.
  const [byFd, byPath, rootStat] = await Promise.all([handle.stat(), stat(opened), stat(root)])
  return byFd.dev === byPath.dev && byFd.ino === byPath.ino && byFd.dev === rootStat.dev
}
