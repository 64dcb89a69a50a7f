import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { describe, expect, it } from 'vitest'
import { analyzeImageTar } from './layerAnalysis'

type Item = [name: string, content: string | null]

/** A layer tar in memory: `null` content makes a directory. */
async function tarOf(items: Item[]): Promise<Buffer> {
  const p = pack()
  for (const [name, content] of items) {
    if (content === null) p.entry({ name, type: 'directory' })
    else p.entry({ name }, content)
  }
  p.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of p) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** `docker save` layout: one folder per layer, the config, manifest.json last. */
async function saveOf(layers: Item[][], steps: string[]): Promise<Readable> {
  const outer = pack()
  for (const [i, items] of layers.entries()) outer.entry({ name: `l${i}/layer.tar` }, await tarOf(items))
  const history = steps.map((created_by) => ({ created_by })).concat([{ created_by: 'CMD ["sh"]', empty_layer: true } as never])
  outer.entry({ name: 'cfg.json' }, JSON.stringify({ history }))
  outer.entry({ name: 'manifest.json' }, JSON.stringify([{ Config: 'cfg.json', Layers: layers.map((_, i) => `l${i}/layer.tar`) }]))
  outer.finalize()
  return Readable.from(outer)
}

describe('analyzeImageTar', () => {
  it('finds what each layer adds, changes and removes, the final tree, and the wasted bytes', async () => {
    const result = await analyzeImageTar(
      await saveOf(
        [
          [
            ['etc/', null],
            ['etc/passwd', 'root:x:0:0\n'],
            ['data/', null],
            ['data/a.bin', 'aaaaaaaaaa'],
            ['data/b.bin', 'bbbbb'],
          ],
          [
            ['data/', null],
            ['data/a.bin', 'AAAAAAAAAAAAAAAAAAAA'],
            ['data/.wh.b.bin', ''],
          ],
          [
            ['data/', null],
            ['data/.wh..wh..opq', ''],
            ['data/c.txt', 'c'],
          ],
        ],
        ['ADD rootfs /', 'RUN change a, delete b', 'RUN replace data'],
      ),
    )
    const [base, second, third] = result.layers
    expect(base).toMatchObject({ createdBy: 'ADD rootfs /', counts: { added: 5, changed: 0, removed: 0 }, size: 26, wasted: 15 })
    expect(second.changes).toEqual([
      { path: '/data/a.bin', change: 'changed', kind: 'file', size: 20 },
      { path: '/data/b.bin', change: 'removed', kind: 'file', size: 0 },
    ])
    expect(second.wasted).toBe(20)
    expect(third.changes.map((c) => `${c.change} ${c.path}`)).toEqual(['removed /data/a.bin', 'added /data/c.txt'])
    expect(result.files.map((f) => `${f.path}@${f.layer}`)).toEqual(['/data@0', '/data/c.txt@2', '/etc@0', '/etc/passwd@0'])
    expect(result.wastedBytes).toBe(10 + 5 + 20)
    expect(result.totalBytes).toBe(11 + 1)
    expect(result.wastedFiles[0]).toEqual({ path: '/data/a.bin', size: 20, layer: 1, by: 2 })
  })

  it('refuses an archive without a manifest', async () => {
    const outer = pack()
    outer.entry({ name: 'hello.txt' }, 'not an image')
    outer.finalize()
    await expect(analyzeImageTar(Readable.from(outer))).rejects.toThrow(/no manifest/)
  })
})
