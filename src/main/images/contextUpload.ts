/**
 * A build context the browser uploads (browser mode's "Upload a folder"): the page sends
 * a tar of the folder's files, which is unpacked into a temporary folder on this machine
 * (`wharf-build-*` in the OS temp folder) as it arrives, then built like any local folder
 * (so `.dockerignore` applies as the CLI applies it, see engine/buildContext.ts). Disk,
 * not memory, holds the upload; the settings' limit caps it. Only plain files and folders
 * at relative paths are taken — an absolute path, a `..`, a link or a device refuses the
 * whole upload — and the folder is gone again on any failure, cancel, or when the build ends.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { pipeline, type Readable } from 'node:stream'
import { extract, type Headers } from 'tar-stream'
import { WharfError } from '../../shared/errors'
import { entryProblem } from '../storage/archiveCheck'
import { onBodyFailure } from '../storage/uploadBody'
import { byteCounter, checkDeclared } from './uploadLimit'
import { errorText } from '../../shared/errorText'

export const CONTEXT_PREFIX = 'wharf-build-upload-'
const WHAT = 'build context'

export interface ReceivedContext {
  dir: string
  files: number
  dispose: () => Promise<void>
}

function invalid(message: string, field?: string): WharfError {
  return new WharfError({ code: 'invalid_input', message, ...(field ? { fields: { [field]: message } } : {}) })
}

/** Why an entry cannot be part of an uploaded context, or undefined. */
export function contextEntryProblem(header: Pick<Headers, 'name' | 'type' | 'linkname'>): string | undefined {
  if (header.type === 'symlink' || header.type === 'link')
    return `${header.name}: a link (an uploaded build context holds files and folders only)`
  if (!header.name || posix.normalize(header.name) === '.') return `${header.name || '(no name)'}: not a file name`
  return entryProblem(header.name, header.type, header.linkname)
}

function unpack(body: Readable, dir: string, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const counter = byteCounter(WHAT, limit)
    const tar = extract()
    let files = 0
    let failed = false
    const fail = (err: unknown): void => {
      if (failed) return
      failed = true
      body.unpipe(counter)
      counter.destroy()
      tar.destroy()
      if (err instanceof WharfError) reject(err)
      // tar-stream's words for what is not a tar ("Invalid tar header…", "Unexpected end of data").
      else reject(invalid(`The upload is not a complete tar archive: ${errorText(err)}`))
    }
    onBodyFailure(body, (err) =>
      fail(new WharfError({ code: 'invalid_input', message: `The upload stopped before its end (${err.message})` })),
    )
    counter.once('error', fail)
    tar.once('error', fail)
    tar.on('entry', (header: Headers, stream: Readable, next: () => void) => {
      const problem = contextEntryProblem(header)
      if (problem) return fail(invalid(`Refused the upload: ${problem}`))
      const path = join(dir, posix.normalize(header.name).replace(/\/$/, ''))
      if (header.type === 'directory') {
        stream.resume()
        mkdir(path, { recursive: true }).then(next, fail)
        return
      }
      mkdir(dirname(path), { recursive: true }).then(() => {
        // `wx`: a second entry of the same name is refused, never written over the first.
        const out = createWriteStream(path, { flags: 'wx', mode: (header.mode ?? 0o644) & 0o777 })
        pipeline(stream, out, (err) => {
          if (err) return fail(err)
          files++
          next()
        })
      }, fail)
    })
    tar.once('finish', () => {
      if (!failed) resolve(files)
    })
    body.pipe(counter).pipe(tar)
  })
}

/** Unpacks the uploaded tar into a new temporary folder; nothing is left behind when it fails. */
export async function receiveContext(
  body: Readable,
  length: number | undefined,
  limit: number,
  dockerfile: string,
): Promise<ReceivedContext> {
  checkDeclared(WHAT, length, limit)
  const dir = await mkdtemp(join(tmpdir(), CONTEXT_PREFIX))
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true })
  try {
    const files = await unpack(body, dir, limit)
    if (!files) throw invalid('The uploaded folder has no files')
    const inside = posix.normalize(dockerfile)
    const found = !inside.startsWith('../') && !posix.isAbsolute(inside) && (await stat(join(dir, inside)).catch(() => undefined))?.isFile()
    if (!found) throw invalid(`The uploaded folder has no file ${dockerfile}`, 'dockerfile')
    return { dir, files, dispose }
  } catch (err) {
    await dispose()
    throw err
  }
}
