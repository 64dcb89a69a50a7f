import { Readable } from 'node:stream'
import { extract, type Headers } from 'tar-stream'
import { describe, expect, it } from 'vitest'
import { tarParts } from '../../shared/tarHeader'

async function entries(tar: Buffer): Promise<Array<{ header: Headers; body: string }>> {
  const out: Array<{ header: Headers; body: string }> = []
  const ex = extract()
  ex.on('entry', (header: Headers, stream: Readable, next: () => void) => {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', () => {
      out.push({ header, body: Buffer.concat(chunks).toString() })
      next()
    })
  })
  await new Promise<void>((resolve, reject) => {
    ex.on('finish', resolve)
    ex.on('error', reject)
    Readable.from([tar]).pipe(ex)
  })
  return out
}

describe('tar headers made without Node (the page builds a context with them)', () => {
  it('reads back as the same files: short, long and non-ASCII paths, modes and times', async () => {
    const long = `${'deep/'.repeat(30)}file.txt`
    const files = [
      { path: 'Dockerfile', body: Buffer.from('FROM x\n'), mtime: 1_700_000_000, mode: 0o755 },
      { path: long, body: Buffer.from('long'), mtime: 1_700_000_001 },
      { path: 'docs/说明.md', body: Buffer.from('中文'), mtime: 1_700_000_002 },
      { path: 'empty', body: Buffer.alloc(0), mtime: 1_700_000_003 },
      { path: 'block', body: Buffer.alloc(512, 0x61), mtime: 1_700_000_004 },
    ]
    const read = await entries(Buffer.concat(tarParts(files)))
    expect(read.map((e) => e.header.name)).toEqual(files.map((f) => f.path))
    expect(read.map((e) => e.body)).toEqual(files.map((f) => f.body.toString()))
    expect(read[0].header).toMatchObject({ type: 'file', mode: 0o755, size: 7 })
    expect(read[1].header.mtime?.getTime()).toBe(1_700_000_001_000)
    expect(read[2].header.mode).toBe(0o644)
  })

  it('a PAX record whose length field grows a digit still parses (98/99-byte records)', async () => {
    for (let n = 85; n <= 100; n++) {
      const path = `${'a'.repeat(n)}é`
      const read = await entries(Buffer.concat(tarParts([{ path, body: Buffer.from('x'), mtime: 0 }])))
      expect(read[0].header.name).toBe(path)
    }
  })
})
