/**
 * Tar headers without Node: the browser makes a build context's tar as a Blob of these
 * headers and the user's File objects, so the files' bytes are read from disk as the
 * upload sends them and never copied into the page's memory. USTAR, with a PAX record
 * for what USTAR cannot hold (a path over 100 bytes or not ASCII, a size of 8 GiB or more).
 */

const BLOCK = 512
const USTAR_MAX_SIZE = 8 ** 11 - 1
const encoder = new TextEncoder()

export interface TarEntry {
  /** Relative, `/`-separated. */
  path: string
  size: number
  /** Seconds since the epoch. */
  mtime: number
  mode: number
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

function put(block: Uint8Array, offset: number, width: number, text: string): void {
  block.set(encoder.encode(text).subarray(0, width), offset)
}

function ustar(name: string, size: number, mtime: number, mode: number, type: '0' | 'x'): Uint8Array {
  const block = new Uint8Array(BLOCK)
  put(block, 0, 100, name)
  put(block, 100, 8, octal(mode & 0o7777, 8))
  put(block, 108, 8, octal(0, 8))
  put(block, 116, 8, octal(0, 8))
  put(block, 124, 12, octal(Math.min(size, USTAR_MAX_SIZE), 12))
  put(block, 136, 12, octal(Math.max(0, Math.floor(mtime)), 12))
  block.fill(0x20, 148, 156) // the checksum counts its own field as spaces
  put(block, 156, 1, type)
  put(block, 257, 6, 'ustar\0')
  put(block, 263, 2, '00')
  let sum = 0
  for (const byte of block) sum += byte
  put(block, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  return block
}

/** One PAX record: its length counts its own digits. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  const bytes = encoder.encode(body).length
  const digits = String(bytes).length
  let length = bytes + digits
  if (String(length).length > digits) length += 1
  return `${length}${body}`
}

/** Bytes of zeros that bring `size` up to a whole block. */
export function tarPadding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK
}

/** The header (with its PAX record when needed) that goes before a regular file's bytes. */
export function tarFileHeader(entry: TarEntry): Uint8Array {
  const pathBytes = encoder.encode(entry.path)
  const plain = pathBytes.length <= 100 && pathBytes.every((b) => b < 0x80)
  const records = [
    ...(plain ? [] : [paxRecord('path', entry.path)]),
    ...(entry.size > USTAR_MAX_SIZE ? [paxRecord('size', String(entry.size))] : []),
  ]
  const name = plain ? entry.path : `PaxHeader/${entry.path.replace(/[^\x20-\x7e]/g, '_').slice(-80)}`
  const header = ustar(name, entry.size, entry.mtime, entry.mode, '0')
  if (!records.length) return header
  const pax = encoder.encode(records.join(''))
  const out = new Uint8Array(BLOCK + pax.length + tarPadding(pax.length) + BLOCK)
  out.set(ustar(name, pax.length, entry.mtime, 0o644, 'x'), 0)
  out.set(pax, BLOCK)
  out.set(header, out.length - BLOCK)
  return out
}

/** The two zero blocks that end an archive. */
export const TAR_END_BYTES = 2 * BLOCK

/**
 * A whole tar as a list of parts: each file's header, its body (a browser File, a Buffer…
 * whatever carries `size`, passed through untouched), its padding, and the end blocks.
 */
export function tarParts<Body extends { size: number } | { length: number }>(
  files: Array<{ path: string; body: Body; mtime: number; mode?: number }>,
): Array<Uint8Array | Body> {
  const parts: Array<Uint8Array | Body> = []
  for (const { path, body, mtime, mode } of files) {
    const size = 'size' in body ? body.size : body.length
    parts.push(tarFileHeader({ path, size, mtime, mode: mode ?? 0o644 }), body)
    const pad = tarPadding(size)
    if (pad) parts.push(new Uint8Array(pad))
  }
  parts.push(new Uint8Array(TAR_END_BYTES))
  return parts
}
