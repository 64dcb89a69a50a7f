/**
 * The bytes of the one file in a tar the archive API sends for a file path, passed on
 * as they arrive: headers (and PAX or GNU long-name records) are skipped, the body is
 * sliced out of the incoming chunks without copying, the padding and end blocks are
 * dropped. Lighter than a general tar parser on the download path (P5).
 */
import { Transform, type TransformCallback } from 'node:stream'

const BLOCK = 512

function octal(field: Buffer): number {
  // Base-256 (GNU) for sizes beyond 8 GiB: high bit set in the first byte.
  if (field[0] & 0x80) {
    let value = field[0] & 0x7f
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]
    return value
  }
  const text = field.toString('ascii').replace(/\0.*$/, '').trim()
  return text ? parseInt(text, 8) : 0
}

function paxSize(records: Buffer): number | undefined {
  const match = /(?:^|\n)\d+ size=(\d+)\n/.exec(records.toString('utf8'))
  return match ? Number(match[1]) : undefined
}

export class TarSingleFile extends Transform {
  private pending = Buffer.alloc(0)
  /** Bytes of a skipped record (PAX, long name) still to drop, padding included. */
  private skip = 0
  /** PAX data being gathered, for a size override. */
  private pax: Buffer[] | null = null
  private paxLeft = 0
  private sizeOverride: number | undefined
  private left = -1
  private done = false

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk
    this.pending = Buffer.alloc(0)
    while (data.length && !this.done) {
      if (this.left > 0) {
        const take = Math.min(this.left, data.length)
        this.push(data.subarray(0, take))
        this.left -= take
        data = data.subarray(take)
        if (this.left === 0) this.done = true
        continue
      }
      if (this.paxLeft > 0) {
        const take = Math.min(this.paxLeft, data.length)
        this.pax?.push(data.subarray(0, take))
        this.paxLeft -= take
        this.skip -= take
        data = data.subarray(take)
        if (this.paxLeft === 0 && this.pax) {
          this.sizeOverride = paxSize(Buffer.concat(this.pax)) ?? this.sizeOverride
          this.pax = null
        }
        continue
      }
      if (this.skip > 0) {
        const take = Math.min(this.skip, data.length)
        this.skip -= take
        data = data.subarray(take)
        continue
      }
      if (data.length < BLOCK) break
      const header = data.subarray(0, BLOCK)
      data = data.subarray(BLOCK)
      if (header.every((b) => b === 0)) {
        this.done = true
        break
      }
      const type = String.fromCharCode(header[156] || 0x30)
      const size = octal(header.subarray(124, 136))
      const padded = Math.ceil(size / BLOCK) * BLOCK
      if (type === 'x' || type === 'g') {
        this.pax = []
        this.paxLeft = size
        this.skip = padded
      } else if (type === 'L' || type === 'K') {
        this.skip = padded
      } else if (type === '0' || type === '\0' || type === '7') {
        this.left = this.sizeOverride ?? size
        if (this.left === 0) this.done = true
      } else {
        callback(new Error(`Expected a file in the archive, found an entry of type ${type}`))
        return
      }
    }
    if (!this.done && data.length) this.pending = Buffer.from(data)
    callback()
  }

  override _flush(callback: TransformCallback): void {
    callback(this.left > 0 ? new Error(`The archive ended ${this.left} bytes before the end of the file`) : null)
  }
}
