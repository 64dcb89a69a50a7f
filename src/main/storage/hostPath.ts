/**
 * DESIGN V3's one optimisation: when the engine runs on this machine (a unix socket) and
 * a local volume's folder is readable here (Wharf as root, rootless Podman's volumes in
 * the user's home), a file is read from disk instead of through the archive API. The
 * path is resolved with realpath and must stay inside the volume's folder, and the file
 * must match what the engine reports (size, mtime), else the archive API is used.
 * WHARF_NO_HOST_PATHS=1 turns it off.
 */
import type Dockerode from 'dockerode'
import { constants } from 'node:fs'
import { access, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { PathStat } from './archiveApi'

export async function volumeFileOnHost(
  docker: Dockerode,
  endpoint: string,
  volume: string,
  rel: string,
  engineStat: PathStat,
): Promise<string | null> {
  if (process.env.WHARF_NO_HOST_PATHS === '1' || !endpoint.startsWith('unix://')) return null
  try {
    const info = await docker.getVolume(volume).inspect()
    if (info.Driver !== 'local' || !info.Mountpoint) return null
    const root = await realpath(info.Mountpoint)
    const file = await realpath(join(root, rel))
    if (!file.startsWith(root + sep)) return null
    const local = await stat(file)
    const sameSecond = Math.floor(local.mtimeMs / 1000) === Math.floor(Date.parse(engineStat.mtime) / 1000)
    if (!local.isFile() || local.size !== engineStat.size || !sameSecond) return null
    await access(file, constants.R_OK)
    return file
  } catch {
    return null
  }
}
