import { Readable } from 'node:stream'
import { createGzip } from 'node:zlib'
import { pack } from 'tar-stream'
import { describe, expect, it } from 'vitest'
import { checkArchive, entryProblem } from './archiveCheck'

function tarOf(
  entries: Array<{ name: string; type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo'; linkname?: string; body?: string }>,
): Readable {
  const p = pack()
  for (const e of entries)
    p.entry({ name: e.name, type: e.type ?? 'file', linkname: e.linkname }, e.body ?? (e.type && e.type !== 'file' ? undefined : ''))
  p.finalize()
  return Readable.from(p)
}

describe('entryProblem', () => {
  it('lets files, folders and inside links through', () => {
    expect(entryProblem('a/b.txt', 'file', null)).toBeUndefined()
    expect(entryProblem('./a/', 'directory', null)).toBeUndefined()
    expect(entryProblem('a/l', 'symlink', '../b')).toBeUndefined()
    expect(entryProblem('a/h', 'link', 'a/b.txt')).toBeUndefined()
  })
  it('refuses every way out', () => {
    expect(entryProblem('../escape', 'file', null)).toMatch(/climbs/)
    expect(entryProblem('a/../../escape', 'file', null)).toMatch(/climbs/)
    expect(entryProblem('/etc/passwd', 'file', null)).toMatch(/absolute/)
    expect(entryProblem('root', 'symlink', '/')).toMatch(/outside/)
    expect(entryProblem('a/up', 'symlink', '../../x')).toMatch(/outside/)
    expect(entryProblem('h', 'link', '../x')).toMatch(/outside/)
    expect(entryProblem('p', 'fifo', null)).toMatch(/fifo/)
    const links = new Set<string>()
    expect(entryProblem('l', 'symlink', 'sub', links)).toBeUndefined()
    expect(entryProblem('l/x.txt', 'file', null, links)).toMatch(/through the link l/)
    expect(entryProblem('root', 'symlink', '/', new Set(), true)).toBeUndefined()
  })
})

describe('checkArchive', () => {
  it('passes a good tar and a good tar.gz, and refuses a bad one whole', async () => {
    const good = await checkArchive(
      tarOf([
        { name: 'd/', type: 'directory' },
        { name: 'd/f.txt', body: 'hello' },
        { name: 'top.txt', body: 'x' },
      ]),
    )
    expect(good.entries).toBe(3)
    expect(good.parents).toEqual(['d'])
    await good.dispose()
    const gz = await checkArchive(tarOf([{ name: 'z.txt', body: 'zz' }]).pipe(createGzip()))
    expect(gz.parents).toEqual([])
    await gz.dispose()
    await expect(
      checkArchive(
        tarOf([
          { name: 'ok.txt', body: 'x' },
          { name: '../escape', body: 'x' },
        ]),
      ),
    ).rejects.toThrow(/nothing was written.*escape/)
    await expect(checkArchive(tarOf([{ name: 'root', type: 'symlink', linkname: '/' }]))).rejects.toThrow(/outside/)
    await expect(checkArchive(Readable.from([Buffer.from('not a tar at all'.repeat(64))]))).rejects.toThrow(/tar/)
  })

  it('lists every folder the entries and hard links go through, once', async () => {
    const deep = await checkArchive(
      tarOf([
        { name: './a/b/c/one.txt' },
        { name: 'a/b/c/two.txt' },
        { name: 'a/x/', type: 'directory' },
        { name: 'h', type: 'link', linkname: 'l/m/target' },
      ]),
    )
    expect(deep.parents.sort()).toEqual(['a', 'a/b', 'a/b/c', 'a/x', 'l', 'l/m'])
    await deep.dispose()
  })
})
