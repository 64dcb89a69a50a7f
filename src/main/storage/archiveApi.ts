/**
 * The Engine API's archive endpoints (`docker cp`): they work on created, running and
 * stopped containers alike, which is what lets Wharf read a volume on an engine with no
 * usable image.
 */
import type Dockerode from 'dockerode'
import { PassThrough, type Readable } from 'node:stream'
import { WharfError } from '../../shared/errors'
import { toWharfError } from '../engine/engineError'

export interface PathStat {
  name: string
  size: number
  mode: number
  mtime: string
  /** For a symlink, where it leads, fully resolved inside the container. */
  linkTarget: string
}

/** HEAD /containers/{id}/archive: the path's stat, or null when it does not exist. */
export async function statPath(docker: Dockerode, container: string, path: string): Promise<PathStat | null> {
  try {
    const res = (await docker.getContainer(container).infoArchive({ path })) as { headers: Record<string, string>; resume?: () => void }
    res.resume?.()
    const header = res.headers['x-docker-container-path-stat']
    if (!header) throw new WharfError({ code: 'engine_error', message: 'The engine sent no stat for the path' })
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as PathStat
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode
    if (status === 404) {
      // dockerode reports both "no such container" and "no such path" as 404; tell them apart by asking.
      const exists = await docker
        .getContainer(container)
        .inspect()
        .then(() => true)
        .catch(() => false)
      if (exists) return null
    }
    throw toWharfError(err)
  }
}

/** GET …/archive: the path (file or folder) as a tar stream. */
export async function readArchive(docker: Dockerode, container: string, path: string, signal?: AbortSignal): Promise<Readable> {
  try {
    return (await docker.getContainer(container).getArchive({ path, abortSignal: signal })) as Readable
  } catch (err) {
    throw toWharfError(err)
  }
}

/** PUT …/archive: extracts the tar into the folder `dir`, which must exist. */
export async function writeArchive(docker: Dockerode, container: string, dir: string, tar: Readable): Promise<void> {
  try {
    const res = (await docker.getContainer(container).putArchive(tar, { path: dir, noOverwriteDirNonDir: 'true' })) as unknown as
      Readable | undefined
    res?.resume?.()
  } catch (err) {
    throw toWharfError(err)
  }
}

/**
 * A PUT body that can be stopped cleanly. Ended mid-archive, it makes the engine stop with
 * "unexpected EOF" and answer, so the engine is done with the files by the time
 * writeArchive rejects and Wharf cleans up; a destroyed request returns at once while the
 * engine may still be writing.
 */
export function cuttable(source: Readable): { body: PassThrough; cut: () => void } {
  const body = new PassThrough()
  source.pipe(body)
  return {
    body,
    cut: () => {
      source.unpipe(body)
      if (!body.writableEnded) body.end()
    },
  }
}
