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

export interface CheckedArchive {
  /** Opens the checked tar; call once. */
  open(): Readable
  /** The archive's top-level names, to check against links already in the target folder. */
  topLevel: string[]
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

export async function checkArchive(input: Readable, opts: { keepOutsideLinks?: boolean } = {}): Promise<CheckedArchive> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-upload-'))
  const file = join(dir, 'checked.tar')
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true })
  const top = new Set<string>()
  const links = new Set<string>()
  let entries = 0
  let bytes = 0
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
    // On a refusal the input is left unread, not destroyed: it may be an HTTP request,
    // whose client should read the refusal rather than a reset connection.
    stop = () => {
      input.unpipe()
      tar.unpipe()
      if (tar !== input) tar.destroy()
      counter.destroy()
      parser.destroy()
      out.destroy()
    }
    const checked = new Promise<void>((resolve, reject) => {
      parser.on('entry', (header, body, next) => {
        const problem = entryProblem(header.name, header.type, header.linkname, links, opts.keepOutsideLinks)
        if (problem) {
          reject(refused(`The archive was refused, nothing was written: ${problem}`))
          return
        }
        const first = posix.normalize(header.name).split('/')[0]
        if (first && first !== '.') top.add(first)
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
    if (entries === 0) throw refused('The archive has no entries (is it a .tar or .tar.gz?)')
  } catch (err) {
    stop()
    await dispose()
    if ((err as Error).message?.includes('refused') || (err as Error).message?.includes('no entries')) throw err
    throw refused(`Not a readable .tar or .tar.gz: ${(err as Error).message}`)
  }
  return { open: () => createReadStream(file), topLevel: [...top], entries, bytes, dispose }
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
