/**
 * Streamed downloads (a container's full log, `docker save`, files and folders, volume
 * backups): both shells serve them from one place, browser mode at /download/<ticket>
 * over HTTP and the desktop app through its wharf-download: scheme. What to download
 * was validated as the input of `transfers.download`, like every API input.
 */
import { PassThrough, type Readable } from 'node:stream'
import type { DownloadSpec } from '../../shared/transferSchemas'
import type { EngineScope } from '../engine/scope'
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

/** Opens the stream a download ticket described; the spec was validated when the ticket was issued. */
export function openDownload(engine: EngineScope, spec: DownloadSpec): Promise<Download> {
  switch (spec.kind) {
    case 'logs':
      return downloadLogs(engine, spec.id, spec.timestamps)
    case 'images':
      return downloadImages(engine, spec.names)
    case 'files':
      return engine.fileTransfer.download(spec.target, spec.path)
    case 'volumeBackup':
      return engine.fileTransfer.backup(spec.name, spec.gzip)
  }
}

/** `docker save`: the images (tags, layers, config) as one tar, streamed from the engine. */
async function downloadImages(engine: EngineScope, names: string[]): Promise<Download> {
  try {
    const docker = await engine.connection.client()
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
async function downloadLogs(engine: EngineScope, id: string, timestamps: boolean): Promise<Download> {
  try {
    const docker = await engine.connection.client()
    const name = (await docker.getContainer(id).inspect()).Name.replace(/^\//, '')
    const { stream, tty } = await openLogStream(engine.connection, { id, tail: 'all', follow: false, timestamps })
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
