/** Turns the three ways engines describe a file's mode into one `ls -l` string. */
import type { FileType } from '../../shared/files'

const LETTER: Record<FileType, string> = { file: '-', dir: 'd', link: 'l', other: '?' }

/** rwx triplets from the low 12 bits (setuid/setgid/sticky shown as s/t like ls). */
export function modeText(type: FileType, mode: number): string {
  const bit = (mask: number, ch: string): string => (mode & mask ? ch : '-')
  const exec = (x: number, special: number, on: string, off: string): string => (mode & special ? (mode & x ? on : off) : bit(x, 'x'))
  return (
    LETTER[type] +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    exec(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    exec(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    exec(0o001, 0o1000, 't', 'T')
  )
}

/** A POSIX st_mode (as `stat -c %f` prints it, in hex). */
export function fromStMode(stMode: number): { type: FileType; text: string } {
  const format = stMode & 0o170000
  const type: FileType = format === 0o040000 ? 'dir' : format === 0o100000 ? 'file' : format === 0o120000 ? 'link' : 'other'
  return { type, text: modeText(type, stMode & 0o7777) }
}

/** Go's os.FileMode, as the archive API's stat header carries it. */
export function fromGoMode(goMode: number): { type: FileType; text: string } {
  // Go keeps the type in the top bits: ModeDir 1<<31, ModeSymlink 1<<27; the rest are devices, pipes, sockets.
  const dir = goMode >= 2 ** 31
  const low = goMode % 2 ** 31
  const link = Math.floor(low / 2 ** 27) % 2 === 1
  const otherBits = Math.floor(low / 2 ** 21) % 64 !== 0 && !link
  const type: FileType = dir ? 'dir' : link ? 'link' : otherBits ? 'other' : 'file'
  let perm = goMode % 0o1000
  if (Math.floor(low / 2 ** 23) % 2) perm |= 0o4000
  if (Math.floor(low / 2 ** 22) % 2) perm |= 0o2000
  if (Math.floor(low / 2 ** 20) % 2) perm |= 0o1000
  return { type, text: modeText(type, perm) }
}

/** tar-stream's header type names. */
export function fromTarType(tarType: string | null | undefined, mode: number): { type: FileType; text: string } {
  const type: FileType =
    tarType === 'directory'
      ? 'dir'
      : tarType === 'symlink'
        ? 'link'
        : tarType === 'file' || tarType === 'link' || tarType === 'contiguous-file'
          ? 'file'
          : 'other'
  return { type, text: modeText(type, mode & 0o7777) }
}
