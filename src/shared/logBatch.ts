import type { LogBatch, LogLine } from './types'

/** Collects lines into the wire's columnar batch. */
export class LogBatchBuilder {
  private streams = ''
  private texts: string[] = []
  private times: string[] = []
  private cuts: Array<[number, number]> = []

  constructor(private readonly withTimes: boolean) {}

  get size(): number {
    return this.texts.length
  }

  add(line: LogLine): void {
    if (line.cut) this.cuts.push([this.texts.length, line.cut])
    this.streams += String(line.stream)
    this.texts.push(line.text)
    if (this.withTimes) this.times.push(line.time ?? '')
  }

  /** The batch so far, leaving the builder empty. */
  take(): LogBatch {
    const batch: LogBatch = { streams: this.streams, texts: this.texts }
    if (this.withTimes) batch.times = this.times
    if (this.cuts.length) batch.cuts = this.cuts
    this.streams = ''
    this.texts = []
    this.times = []
    this.cuts = []
    return batch
  }
}

/** Calls `each` for every line of a batch, in order. */
export function forEachLogLine(batch: LogBatch, each: (line: LogLine, index: number) => void): void {
  const cuts = new Map(batch.cuts ?? [])
  for (let i = 0; i < batch.texts.length; i++) {
    const line: LogLine = { stream: Number(batch.streams[i]) as LogLine['stream'], text: batch.texts[i] }
    const time = batch.times?.[i]
    if (time) line.time = time
    const cut = cuts.get(i)
    if (cut) line.cut = cut
    each(line, i)
  }
}

export function logLines(batch: LogBatch): LogLine[] {
  const out: LogLine[] = []
  forEachLogLine(batch, (line) => out.push(line))
  return out
}
