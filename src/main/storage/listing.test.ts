import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { describe, expect, it } from 'vitest'
import { listFromTar, parseExecListing } from './listing'

describe('parseExecListing', () => {
  it('reads stat records, names with spaces and link targets', () => {
    const out =
      '\x1e41ed 4096 0 0 1700000000 root root ./a\n' +
      '\x1e81a4 0 1000 1000 1700000001 UNKNOWN UNKNOWN ./sp ace é\n' +
      '\x1ea1ff 1 0 0 1700000002 root root ./root\n' +
      '\x1d\x1e./root\x1f/'
    const entries = parseExecListing(out)
    expect(entries.map((e) => e.name)).toEqual(['a', 'root', 'sp ace é'])
    expect(entries[0]).toMatchObject({ type: 'dir', modeText: 'drwxr-xr-x', owner: 'root', mtime: 1700000000000 })
    expect(entries[1]).toMatchObject({ type: 'link', linkTarget: '/' })
    expect(entries[2]).toMatchObject({ type: 'file', size: 0, owner: undefined, uid: 1000 })
  })
})

describe('listFromTar', () => {
  it('keeps only the direct children and stops on a huge folder', async () => {
    const p = pack()
    p.entry({ name: './', type: 'directory' })
    p.entry({ name: './d/', type: 'directory', mode: 0o755 })
    p.entry({ name: './d/inner.txt' }, 'x')
    p.entry({ name: './big.bin' }, Buffer.alloc(5000))
    p.entry({ name: './l', type: 'symlink', linkname: 'd' })
    p.finalize()
    const all = await listFromTar(Readable.from(p), 1 << 20)
    expect(all.truncated).toBe(false)
    expect(all.entries.map((e) => `${e.type}:${e.name}`)).toEqual(['dir:d', 'file:big.bin', 'link:l'])
    const q = pack()
    for (let i = 0; i < 50; i++) q.entry({ name: `./f${i}` }, Buffer.alloc(4096))
    q.finalize()
    const cut = await listFromTar(Readable.from(q), 40_000)
    expect(cut.truncated).toBe(true)
    expect(cut.entries.length).toBeLessThan(50)
    // A stream that stalls is cut by time.
    const slow = new Readable({ read() {} })
    const stalled = await listFromTar(slow, 1 << 20, 50)
    expect(stalled).toEqual({ entries: [], truncated: true })
  })
})
