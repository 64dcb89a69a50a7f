/**
 * Streamed uploads, the mirror of downloads: browser mode POSTs to /upload/…, the
 * desktop app to its wharf-download: scheme. The body is never buffered whole.
 *   files?kind=…&name|id=…&dir=…&file=…   one file (sub-folders allowed in `file`)
 *   extract?kind=…&…&dir=…                 a .tar/.tar.gz, checked, then extracted
 *   restore?volume=…                        a backup into a new or empty volume
 */
import type { Readable } from 'node:stream'
import { WharfError } from '../../shared/errors'
import { relPath, volumeName } from '../../shared/fileSchemas'
import type { Services } from '../api/handlers'
import { targetFromQuery } from './targetQuery'

const MAX_FILE_BYTES = 64 * 1024 ** 3

export async function acceptUpload(services: Services, path: string, body: Readable, length: number | undefined): Promise<unknown> {
  const url = new URL(path, 'wharf://upload/')
  const kind = url.pathname.replace(/^\/+/, '')
  const q = url.searchParams
  if (kind === 'restore') {
    const volume = volumeName.safeParse(q.get('volume') ?? '')
    if (!volume.success) throw new WharfError({ code: 'invalid_input', message: 'Name the volume to restore into (volume=…)' })
    return services.fileTransfer.restore(volume.data, body, length)
  }
  const target = targetFromQuery(q)
  const dir = relPath.safeParse(q.get('dir') ?? '')
  if (!dir.success) throw new WharfError({ code: 'invalid_input', message: dir.error.issues[0]?.message ?? 'Not a valid folder' })
  if (kind === 'extract') return services.fileTransfer.extract(target, dir.data, body, length)
  if (kind === 'files') {
    if (length === undefined || length < 0 || length > MAX_FILE_BYTES)
      throw new WharfError({ code: 'invalid_input', message: 'An upload needs its size (Content-Length), at most 64 GiB' })
    return services.fileTransfer.upload(target, dir.data, q.get('file') ?? '', length, body)
  }
  throw new WharfError({ code: 'not_found', message: `Nothing accepts uploads at ${url.pathname}` })
}
