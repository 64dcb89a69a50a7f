/**
 * Streamed downloads (a container's full log, later volume and image archives): both
 * shells serve them from one place, browser mode at /download/… over HTTP and the
 * desktop app through its wharf-download: scheme. Every path is validated here, as
 * every API input is.
 */
import { PassThrough, type Readable } from 'node:stream'
import { WharfError } from '../../shared/errors'
import { imageRef } from '../../shared/imageSchemas'
import { containerRef } from '../../shared/schemas'
import { relPath, volumeName } from '../../shared/fileSchemas'
import { targetFromQuery } from './targetQuery'
import type { Services } from '../api/handlers'
import { openLogStream } from '../engine/logs/logStream'
import { FrameDemuxer } from '../engine/logs/demux'
import { toWharfError } from '../engine/engineError'

export interface Download {
  filename: string
  contentType: string
  /** Bytes, when known up front (sent as Content-Length). */
  size?: number
  body: Readable
}

/** `path` is what follows /download/, e.g. "logs/web?timestamps=1". */
export async function openDownload(services: Services, path: string): Promise<Download> {
  const url = new URL(path, 'wharf://download/')
  const [kind, rawId, ...rest] = url.pathname.split('/').filter(Boolean)
  if (kind === 'logs' && rawId && rest.length === 0) {
    const id = containerRef.safeParse(decodeURIComponent(rawId))
    if (!id.success) throw new WharfError({ code: 'invalid_input', message: 'Not a valid container id or name' })
    return downloadLogs(services, id.data, url.searchParams.get('timestamps') === '1')
  }
  if (kind === 'images' && rawId === 'save' && rest.length === 0) {
    const names = url.searchParams.getAll('name').map((n) => imageRef.safeParse(n))
    if (names.length === 0 || names.length > 32 || names.some((n) => !n.success))
      throw new WharfError({ code: 'invalid_input', message: 'Name one to 32 images (name=…), each an image id or name' })
    return downloadImages(
      services,
      names.map((n) => n.data as string),
    )
  }
  if (kind === 'files' && rawId === undefined) {
    const target = targetFromQuery(url.searchParams)
    const path = relPath.safeParse(url.searchParams.get('path') ?? '')
    if (!path.success) throw new WharfError({ code: 'invalid_input', message: path.error.issues[0]?.message ?? 'Not a valid path' })
    return services.fileTransfer.download(target, path.data)
  }
  if (kind === 'volumes' && rawId === 'backup' && rest.length === 0) {
    const name = volumeName.safeParse(url.searchParams.get('name') ?? '')
    if (!name.success) throw new WharfError({ code: 'invalid_input', message: 'Name the volume to back up (name=…)' })
    return services.fileTransfer.backup(name.data, url.searchParams.get('gzip') === '1')
  }
  throw new WharfError({ code: 'not_found', message: `Nothing to download at ${url.pathname}` })
}

/** `docker save`: the images (tags, layers, config) as one tar, streamed from the engine. */
async function downloadImages(services: Services, names: string[]): Promise<Download> {
  try {
    const docker = await services.engine.client()
    // Fails early, with the engine's words, when a name does not exist.
    for (const name of names) await docker.getImage(name).inspect()
    const save = docker as unknown as { getImages(opts: { names: string[] }): Promise<Readable> }
    const body = await save.getImages({ names })
    const base = names.length === 1 ? names[0].replace(/[^\w.-]+/g, '_') : `${names.length}-images`
    return { filename: `${base}.tar`, contentType: 'application/x-tar', body }
  } catch (err) {
    throw toWharfError(err)
  }
}

/** The whole log as `docker logs` prints it: raw bytes, stdout and stderr interleaved. */
async function downloadLogs(services: Services, id: string, timestamps: boolean): Promise<Download> {
  try {
    const docker = await services.engine.client()
    const name = (await docker.getContainer(id).inspect()).Name.replace(/^\//, '')
    const { stream, tty } = await openLogStream(services.engine, { id, tail: 'all', follow: false, timestamps })
    let body: Readable = stream
    if (!tty) {
      const out = new PassThrough()
      const demuxer = new FrameDemuxer((_type, payload) => {
        if (!out.write(payload)) stream.pause()
      })
      out.on('drain', () => stream.resume())
      stream.on('data', (chunk: Buffer) => demuxer.push(chunk))
      stream.on('end', () => out.end())
      stream.on('error', (err) => out.destroy(err))
      out.on('close', () => stream.destroy())
      body = out
    }
    return { filename: `${name}.log`, contentType: 'text/plain; charset=utf-8', body }
  } catch (err) {
    throw toWharfError(err)
  }
}
