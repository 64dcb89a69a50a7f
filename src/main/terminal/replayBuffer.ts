/**
 * The newest output of a terminal, bounded, so a viewer that comes back (another pane,
 * a reloaded page) sees what it missed. When old output is dropped the cut moves to the
 * next line start where one is near, so a replay rarely opens mid-character or
 * mid-escape sequence; xterm.js copes with either anyway.
 */
export class ReplayBuffer {
  private chunks: Buffer[] = []
  private size = 0

  constructor(private readonly limit = 1024 * 1024) {}

  push(chunk: Buffer): void {
    if (chunk.length === 0) return
    this.chunks.push(chunk)
    this.size += chunk.length
    this.trim()
  }

  get byteLength(): number {
    return this.size
  }

  snapshot(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)]
    return this.chunks[0] ?? Buffer.alloc(0)
  }

  private trim(): void {
    while (this.size > this.limit && this.chunks.length > 0) {
      const first = this.chunks[0]
      const excess = this.size - this.limit
      if (first.length <= excess) {
        this.chunks.shift()
        this.size -= first.length
        continue
      }
      const newline = first.indexOf(0x0a, excess)
      const cut = newline !== -1 && newline - excess < 4096 ? newline + 1 : excess
      this.chunks[0] = first.subarray(cut)
      this.size -= cut
    }
  }
}
