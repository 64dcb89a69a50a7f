import { describe, expect, it } from 'vitest'
import { FrameDemuxer } from './demux'
import { LineSplitter, MAX_LINE_CHARS } from './lineSplitter'

function frame(stream: 1 | 2, text: string | Buffer): Buffer {
  const payload = typeof text === 'string' ? Buffer.from(text) : text
  const header = Buffer.alloc(8)
  header[0] = stream
  header.writeUInt32BE(payload.length, 4)
  return Buffer.concat([header, payload])
}

describe('FrameDemuxer', () => {
  it('reassembles frames split anywhere, including inside the header', () => {
    const bytes = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'more\n')])
    for (let cut = 1; cut < bytes.length; cut++) {
      const got: string[] = []
      const demux = new FrameDemuxer((s, p) => got.push(`${s}:${p.toString()}`))
      demux.push(bytes.subarray(0, cut))
      demux.push(bytes.subarray(cut))
      expect(got).toEqual(['1:out\n', '2:err\n', '1:more\n'])
    }
  })
})

describe('LineSplitter', () => {
  it('keeps a 3-byte UTF-8 character whole across chunks and marks invalid bytes', () => {
    const got: string[] = []
    const split = new LineSplitter((t) => got.push(t))
    const euro = Buffer.from('€\n')
    split.push(euro.subarray(0, 1))
    split.push(euro.subarray(1, 2))
    split.push(Buffer.concat([euro.subarray(2), Buffer.from([0xff, 0x0a])]))
    expect(got).toEqual(['€', '\ufffd'])
  })

  it('bounds a long line and counts the rest; strips CR of CRLF; flushes a last partial line', () => {
    const got: Array<[number, number]> = []
    const split = new LineSplitter((t, cut) => got.push([t.length, cut]))
    for (let i = 0; i < 64; i++) split.push(Buffer.alloc(16 * 1024, 'a'))
    split.push(Buffer.from('\r\nend'))
    split.flush()
    expect(got).toEqual([
      [MAX_LINE_CHARS, 64 * 16 * 1024 - MAX_LINE_CHARS + 1],
      [3, 0],
    ])
  })
})
