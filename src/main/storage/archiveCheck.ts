/**
 * An archive someone uploads is checked in full before one byte of it reaches the
 * engine: entries named absolutely or climbing with `..`, links that lead out, hard links
 * to outside names, entries written through a link and device files refuse the whole
 * archive. A restore keeps a backup's links whatever they point to (they are data, and
 * the target volume is empty), but still never writes through one. The checked (and, when it
 * was gzipped, decompressed) tar is spooled to a temporary file, then sent.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { extract } from 'tar-stream'
import { refused } from './fileScope'
import { onBodyFailure } from './uploadBody'

export interface CheckedArchive {
  /** Opens the checked tar; call once. */
  open(): Readable
  /**
   * Every folder the entries (and hard links' targets) go through, e.g. `a` and `a/b` for
   * `a/b/c.txt`, and every folder entry itself: the engine follows links already there, so each is checked against the
   * target folder before extracting (archiveParents.ts).
   */
  parents: string[]
  entries: number
  bytes: number
  dispose(): Promise<void>
}

/** Why an entry is refused, or undefined when it is safe to extract inside the target folder. */
export function entryProblem(
  name: string,
  type: string | null | undefined,
  linkname: string | null | undefined,
  /** Links earlier in the same archive: nothing may be written through them. */
  links: Set<string> = new Set(),
  keepOutsideLinks = false,
): string | undefined {
  if (name.startsWith('/')) return `${name}: an absolute path`
  const clean = posix.normalize(name).replace(/\/$/, '')
  if (clean === '..' || clean.startsWith('../')) return `${name}: climbs out of the folder with ..`
  const parts = clean.split('/')
  for (let i = 1; i < parts.length; i++) {
    const through = parts.slice(0, i).join('/')
    if (links.has(through)) return `${name}: written through the link ${through}`
  }
  if (type === 'symlink') {
    links.add(clean)
    // A backup's own links (even absolute ones) are data: restored as links, never followed.
    if (keepOutsideLinks) return undefined
    if (!linkname || linkname.startsWith('/')) return `${name}: a link to ${linkname}, outside the folder`
    const target = posix.normalize(posix.join(posix.dirname(clean), linkname))
    if (target === '..' || target.startsWith('../')) return `${name}: a link to ${linkname}, outside the folder`
  } else if (type === 'link') {
    const target = posix.normalize(linkname ?? '')
    if (!linkname || target.startsWith('/') || target === '..' || target.startsWith('../'))
      return `${name}: a hard link to ${linkname}, outside the folder`
  } else if (
    type !== 'file' &&
    type !== 'directory' &&
    type !== 'contiguous-file' &&
    type !== 'pax-header' &&
    type !== 'pax-global-header'
  ) {
    return `${name}: a ${type} entry (only files, folders and links are extracted)`
  }
  return undefined
}

export async function checkArchive(
  upload: Readable,
  opts: { keepOutsideLinks?: boolean; /** The upload's declared size (Content-Length): anything else refuses it. */ length?: number } = {},
): Promise<CheckedArchive> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-upload-'))
  const file = join(dir, 'checked.tar')
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true })
  const parents = new Set<string>()
  const links = new Set<string>()
  let entries = 0
  let bytes = 0
  let received = 0
  // A cancelled upload may close without an error: that must end the check, not stall it.
  const input = upload.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length
        done(null, chunk)
      },
    }),
  )
  let cutShort = false
  // Set before the upload is dropped, whose closing must not replace the reason.
  let refusal: Error | undefined
  onBodyFailure(upload, (err) => {
    cutShort = true
    input.destroy(err)
  })
  let stop = (): void => undefined
  try {
    const head = await firstBytes(input)
    const gzipped = head[0] === 0x1f && head[1] === 0x8b
    const tar = gzipped ? input.pipe(createGunzip()) : input
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length
        done(null, chunk)
      },
    })
    const out = createWriteStream(file)
    const parser = extract()
    // On a refusal the upload is left unread, not destroyed: it may be an HTTP request,
    // whose client should read the refusal rather than a reset connection.
    stop = () => {
      upload.unpipe()
      input.destroy()
      if (tar !== input) tar.destroy()
      counter.destroy()
      parser.destroy()
      out.destroy()
    }
    const checked = new Promise<void>((resolve, reject) => {
      parser.on('entry', (header, body, next) => {
        const problem = entryProblem(header.name, header.type, header.linkname, links, opts.keepOutsideLinks)
        if (problem) {
          refusal = refused(`The archive was refused, nothing was written: ${problem}`)
          reject(refusal)
          return
        }
        // A folder entry is a folder its own entries go through.
        addParents(parents, header.type === 'directory' ? `${header.name}/x` : header.name)
        if (header.type === 'link' && header.linkname) addParents(parents, header.linkname)
        entries++
        body.on('end', next)
        body.resume()
      })
      parser.on('finish', resolve)
      parser.on('error', reject)
      tar.on('error', reject)
      input.on('error', reject)
      out.on('error', reject)
    })
    const written = new Promise<void>((resolve) => out.on('close', resolve))
    tar.pipe(counter)
    counter.pipe(out)
    counter.pipe(parser)
    await checked
    await written
    if (opts.length !== undefined && received !== opts.length)
      throw refused(`The archive was refused, nothing was written: the upload stopped after ${received} of ${opts.length} bytes`)
    if (entries === 0) throw refused('The archive has no entries (is it a .tar or .tar.gz?)')
  } catch (err) {
    stop()
    await dispose()
    if (refusal) throw refusal
    if (cutShort) throw refused(`The archive was refused, nothing was written: the upload stopped after ${received} bytes`)
    if ((err as Error).message?.includes('refused') || (err as Error).message?.includes('no entries')) throw err
    throw refused(`Not a readable .tar or .tar.gz: ${(err as Error).message}`)
  }
  return { open: () => createReadStream(file), parents: [...parents], entries, bytes, dispose }
}

function addParents(parents: Set<string>, name: string): void {
  const parts = posix
    .normalize(name)
    .split('/')
    .filter((p) => p !== '' && p !== '.')
  for (let i = 1; i < parts.length; i++) parents.add(parts.slice(0, i).join('/'))
}

/** Peeks at the first bytes (to tell gzip from tar) and puts them back. */
async function firstBytes(input: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const onReadable = (): void => {
      const chunk = input.read() as Buffer | null
      if (chunk === null) return
      input.off('readable', onReadable)
      input.off('error', reject)
      input.off('end', onEnd)
      input.unshift(chunk)
      resolve(chunk)
    }
    const onEnd = (): void => resolve(Buffer.alloc(0))
    input.on('readable', onReadable)
    input.once('error', reject)
    input.once('end', onEnd)
  })
}
