import { StringDecoder } from 'node:string_decoder'

/** Longest part of one line that is kept; the rest is counted, not stored. */
export const MAX_LINE_CHARS = 16 * 1024

/**
 * Bytes in, whole lines out. A UTF-8 character split across chunks is decoded whole;
 * invalid bytes become U+FFFD. A line longer than MAX_LINE_CHARS keeps its head and
 * reports how many characters were cut, so a 1 MB line costs 16 KB of memory.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private current = ''
  private cut = 0

  constructor(private readonly onLine: (text: string, cut: number) => void) {}

  push(bytes: Buffer): void {
    this.take(this.decoder.write(bytes))
  }

  /** Emits what is left as a last line (a log that does not end with a newline). */
  flush(): void {
    this.take(this.decoder.end())
    if (this.current || this.cut) this.emit()
  }

  private take(text: string): void {
    let start = 0
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      this.append(text.slice(start, nl))
      this.emit()
      start = nl + 1
    }
    this.append(text.slice(start))
  }

  private append(part: string): void {
    const room = MAX_LINE_CHARS - this.current.length
    if (part.length <= room) this.current += part
    else {
      this.current += part.slice(0, room)
      this.cut += part.length - room
    }
  }

  private emit(): void {
    const text = this.current.endsWith('\r') ? this.current.slice(0, -1) : this.current
    this.onLine(text, this.cut)
    this.current = ''
    this.cut = 0
  }
}
