/**
 * Splits the Engine API's multiplexed stdout/stderr stream (8-byte frame headers:
 * stream type, 3 zero bytes, big-endian length) into payloads. Frames may arrive split
 * across chunks or several to a chunk.
 */
export class FrameDemuxer {
  private pending: Buffer = Buffer.alloc(0)

  constructor(private readonly onPayload: (stream: 1 | 2, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    let buffer = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk
    while (buffer.length >= 8) {
      const size = buffer.readUInt32BE(4)
      if (buffer.length < 8 + size) break
      const type = buffer[0] === 2 ? 2 : 1
      this.onPayload(type, buffer.subarray(8, 8 + size))
      buffer = buffer.subarray(8 + size)
    }
    this.pending = buffer.length > 0 ? Buffer.from(buffer) : Buffer.alloc(0)
  }
}
