import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { describe, expect, it } from 'vitest'
import { TarSingleFile } from './tarSingleFile'

async function unwrap(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = []
  for await (const c of Readable.from(chunks).pipe(new TarSingleFile())) out.push(c as Buffer)
  return Buffer.concat(out)
}

async function tarOf(name: string, body: Buffer): Promise<Buffer> {
  const p = pack()
  p.entry({ name }, body)
  p.finalize()
  const chunks: Buffer[] = []
  for await (const c of p) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

describe('TarSingleFile', () => {
  it('passes the file through whatever the chunking, with a long-name (PAX) header before it', async () => {
    const body = Buffer.from(Array.from({ length: 70_001 }, (_, i) => i % 251))
    for (const tar of [await tarOf('plain.bin', body), await tarOf(`${'long-folder-name/'.repeat(12)}é.bin`, body)]) {
      expect(await unwrap([tar])).toEqual(body)
      const pieces: Buffer[] = []
      for (let i = 0; i < tar.length; i += 333) pieces.push(tar.subarray(i, i + 333))
      expect(await unwrap(pieces)).toEqual(body)
    }
    expect(await unwrap([await tarOf('empty', Buffer.alloc(0))])).toEqual(Buffer.alloc(0))
  })
  it('fails on a truncated archive', async () => {
    const tar = await tarOf('a', Buffer.alloc(5000, 1))
    await expect(unwrap([tar.subarray(0, 2000)])).rejects.toThrow(/ended/)
  })
})
