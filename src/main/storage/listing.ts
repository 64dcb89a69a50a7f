/**
 * Reading a folder. With a shell: one exec of find + stat (batched, so 10,000 entries
 * cost a handful of processes) after checking, with `pwd -P`, that the folder really is
 * inside the root. Without one: the folder's tar from the archive API, headers only,
 * stopping on very large folders.
 */
import type { Readable } from 'node:stream'
import { extract } from 'tar-stream'
import type { FileEntry } from '../../shared/files'
import { fromStMode, fromTarType } from './fileMode'

const RS = '\x1e'
const US = '\x1f'
const GS = '\x1d'

/** $1: the folder; $2: the root it must stay in ('' for a container's /). Exit 4: outside. */
export const LIST_SCRIPT = [
  'cd -- "$1" 2>/dev/null || { echo "No such folder" >&2; exit 3; }',
  'r=$(pwd -P)',
  'case "$r/" in "$2"/*) ;; *) echo "The folder leads outside the volume" >&2; exit 4 ;; esac',
  `find . -mindepth 1 -maxdepth 1 -exec stat -c '${RS}%f %s %u %g %Y %U %G %n' {} +`,
  `printf '${GS}'`,
  `find . -mindepth 1 -maxdepth 1 -type l -exec sh -c 'for f; do printf "${RS}%s${US}%s" "$f" "$(readlink -- "$f")"; done' sh {} +`,
].join('\n')

export function parseExecListing(output: string): FileEntry[] {
  const split = output.indexOf(GS)
  const stats = split < 0 ? output : output.slice(0, split)
  const links = new Map<string, string>()
  if (split >= 0) {
    for (const record of output.slice(split + 1).split(RS)) {
      const sep = record.indexOf(US)
      if (sep > 0) links.set(record.slice(0, sep).replace(/^\.\//, ''), record.slice(sep + 1))
    }
  }
  const entries: FileEntry[] = []
  for (const raw of stats.split(RS)) {
    const record = raw.endsWith('\n') ? raw.slice(0, -1) : raw
    if (!record) continue
    const fields = record.split(' ')
    if (fields.length < 8) continue
    const [mode, size, uid, gid, mtime, owner, group] = fields
    const name = fields.slice(7).join(' ').replace(/^\.\//, '')
    const { type, text } = fromStMode(parseInt(mode, 16))
    entries.push({
      name,
      type,
      size: Number(size),
      modeText: text,
      uid: Number(uid),
      gid: Number(gid),
      owner: owner === 'UNKNOWN' ? undefined : owner,
      group: group === 'UNKNOWN' ? undefined : group,
      mtime: Number(mtime) * 1000,
      linkTarget: type === 'link' ? links.get(name) : undefined,
    })
  }
  return sortEntries(entries)
}

/** Folders first, then by name, as file managers do. */
export function sortEntries(entries: FileEntry[]): FileEntry[] {
  return entries.sort((a, b) => Number(b.type === 'dir') - Number(a.type === 'dir') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * The direct children in a tar of `<folder>/.` (names start with `./`). Stops after
 * `maxBytes` of archive or `maxMs`, returning what it has, marked truncated: the engine
 * sends every file's contents too, and a stopped container's / can be gigabytes.
 */
export function listFromTar(tar: Readable, maxBytes: number, maxMs = 5000): Promise<{ entries: FileEntry[]; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const entries: FileEntry[] = []
    const parser = extract()
    let bytes = 0
    let done = false
    const finish = (truncated: boolean): void => {
      if (done) return
      done = true
      tar.destroy()
      parser.destroy()
      clearTimeout(timer)
      resolve({ entries: sortEntries(entries), truncated })
    }
    const timer = setTimeout(() => finish(true), maxMs)
    tar.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > maxBytes) finish(true)
    })
    parser.on('entry', (header, body, next) => {
      const name = header.name.replace(/^\.\//, '').replace(/\/$/, '')
      if (name && name !== '.' && !name.includes('/')) {
        const { type, text } = fromTarType(header.type, header.mode ?? 0)
        entries.push({
          name,
          type,
          size: type === 'dir' ? 0 : (header.size ?? 0),
          modeText: text,
          uid: header.uid,
          gid: header.gid,
          owner: header.uname || undefined,
          group: header.gname || undefined,
          mtime: header.mtime?.getTime() ?? 0,
          linkTarget: type === 'link' ? (header.linkname ?? undefined) : undefined,
        })
      }
      body.on('end', next)
      body.resume()
    })
    parser.on('finish', () => finish(false))
    parser.on('error', (err: unknown) => {
      if (!done) reject(err instanceof Error ? err : new Error(String(err)))
    })
    tar.on('error', (err) => {
      if (!done) reject(err)
    })
    tar.pipe(parser)
  })
}
