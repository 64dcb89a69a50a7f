/**
 * Reads an image as `docker save` streams it (a tar of layer tars, manifest.json, the
 * config) and works out, layer by layer, the files each adds, changes and removes
 * (whiteouts, including opaque directories), the merged tree of the final image, and
 * the "wasted" bytes: file versions a later layer overwrote or deleted. Only metadata is
 * kept — file contents stream past — so a large image costs memory per file, not per
 * byte.
 */
import { Readable } from 'node:stream'
import { extract, type Headers } from 'tar-stream'
import type { FileKind, LayerChange, LayerExplorerResult, LayerReport, MergedFile } from '../../shared/layers'

const MAX_CHANGES_PER_LAYER = 20_000
const MAX_FILES = 50_000
/** Entries kept whole: manifest.json, the config, and small blobs (a config, or a tiny layer, in the OCI layout). */
const SMALL_BYTES = 64 * 1024

interface Entry {
  path: string
  kind: FileKind
  size: number
  whiteout?: 'file' | 'opaque'
}

function kindOf(type: Headers['type']): FileKind {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file'
    case 'directory':
      return 'dir'
    case 'symlink':
      return 'symlink'
    case 'link':
      return 'link'
    default:
      return 'other'
  }
}

function normalize(name: string): string {
  const trimmed = name.replace(/^\.?\/+/, '').replace(/\/+$/, '')
  return `/${trimmed}`
}

/** One layer tar's entries, contents skipped. Rejects when the stream is not a tar. */
function readLayer(stream: Readable): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    const inner = extract()
    inner.on('entry', (header, body, next) => {
      const path = normalize(header.name)
      const base = path.slice(path.lastIndexOf('/') + 1)
      const dir = path.slice(0, path.lastIndexOf('/')) || '/'
      if (base === '.wh..wh..opq') entries.push({ path: dir, kind: 'dir', size: 0, whiteout: 'opaque' })
      else if (base.startsWith('.wh.'))
        entries.push({ path: `${dir === '/' ? '' : dir}/${base.slice(4)}`, kind: 'other', size: 0, whiteout: 'file' })
      else if (path !== '/')
        entries.push({ path, kind: kindOf(header.type), size: kindOf(header.type) === 'file' ? (header.size ?? 0) : 0 })
      body.on('end', next)
      body.resume()
    })
    inner.on('finish', () => resolve(entries))
    inner.on('error', reject)
    stream.pipe(inner)
  })
}

async function readSave(tar: Readable): Promise<{ layers: Map<string, Entry[]>; small: Map<string, Buffer> }> {
  const layers = new Map<string, Entry[]>()
  const small = new Map<string, Buffer>()
  await new Promise<void>((resolve, reject) => {
    const outer = extract()
    outer.on('entry', (header, body, next) => {
      const name = header.name.replace(/^\.\//, '')
      if (header.type !== 'file') {
        body.on('end', next)
        body.resume()
      } else if (name.endsWith('.json') || name === 'repositories' || (header.size ?? 0) <= SMALL_BYTES) {
        const chunks: Buffer[] = []
        body.on('data', (c: Buffer) => chunks.push(c))
        body.on('end', () => {
          small.set(name, Buffer.concat(chunks))
          next()
        })
      } else {
        readLayer(body).then(
          (entries) => {
            layers.set(name, entries)
            next()
          },
          () => {
            // Not a tar (a config blob, say): skip what is left of it.
            body.on('end', next)
            body.resume()
          },
        )
      }
    })
    outer.on('finish', resolve)
    outer.on('error', reject)
    tar.on('error', reject)
    tar.pipe(outer)
  })
  return { layers, small }
}

interface Version {
  size: number
  kind: FileKind
  layer: number
}

export async function analyzeImageTar(tar: Readable): Promise<LayerExplorerResult> {
  const { layers: byName, small } = await readSave(tar)
  const text = (name: string): string | undefined => small.get(name)?.toString('utf8')
  const manifest = JSON.parse(text('manifest.json') ?? '[]') as Array<{ Config: string; Layers: string[] }>
  if (!manifest[0]) throw new Error('The image archive has no manifest.json')
  for (const name of manifest[0].Layers) {
    const buffer = small.get(name)
    if (!byName.has(name) && buffer) byName.set(name, await readLayer(Readable.from([buffer])).catch(() => []))
  }
  const config = JSON.parse(text(manifest[0].Config) ?? '{}') as {
    history?: Array<{ created_by?: string; empty_layer?: boolean; comment?: string }>
  }
  const steps = (config.history ?? []).filter((h) => !h.empty_layer).map((h) => h.created_by ?? h.comment ?? '')

  const merged = new Map<string, Version>()
  const wasted: LayerExplorerResult['wastedFiles'] = []
  const reports: LayerReport[] = manifest[0].Layers.map((name, index) => ({
    index,
    createdBy: steps[index] ?? '',
    size: 0,
    counts: { added: 0, changed: 0, removed: 0 },
    changes: [],
    truncated: 0,
    wasted: 0,
  }))

  const record = (report: LayerReport, change: LayerChange): void => {
    report.counts[change.change]++
    if (report.changes.length < MAX_CHANGES_PER_LAYER) report.changes.push(change)
    else report.truncated++
  }
  const waste = (old: Version, path: string, by: number): void => {
    if (old.size === 0) return
    reports[old.layer].wasted += old.size
    wasted.push({ path, size: old.size, layer: old.layer, by })
  }
  const removeTree = (report: LayerReport, root: string, keepRoot: boolean): void => {
    const prefix = root === '/' ? '/' : `${root}/`
    for (const [path, version] of merged) {
      if (path.startsWith(prefix) || (!keepRoot && path === root)) {
        merged.delete(path)
        waste(version, path, report.index)
        record(report, { path, change: 'removed', kind: version.kind, size: 0 })
      }
    }
  }

  manifest[0].Layers.forEach((name, index) => {
    const report = reports[index]
    for (const entry of byName.get(name) ?? []) {
      if (entry.whiteout === 'opaque') {
        removeTree(report, entry.path, true)
        continue
      }
      if (entry.whiteout === 'file') {
        removeTree(report, entry.path, false)
        continue
      }
      const old = merged.get(entry.path)
      report.size += entry.size
      if (old && entry.kind === 'dir' && old.kind === 'dir') continue
      if (old) waste(old, entry.path, index)
      merged.set(entry.path, { size: entry.size, kind: entry.kind, layer: index })
      record(report, { path: entry.path, change: old ? 'changed' : 'added', kind: entry.kind, size: entry.size })
    }
  })

  const files: MergedFile[] = []
  let totalBytes = 0
  for (const [path, v] of [...merged].sort(([a], [b]) => a.localeCompare(b))) {
    totalBytes += v.size
    if (files.length < MAX_FILES) files.push({ path, kind: v.kind, size: v.size, layer: v.layer })
  }
  return {
    layers: reports,
    files,
    filesTruncated: Math.max(0, merged.size - MAX_FILES),
    totalBytes,
    wastedBytes: reports.reduce((sum, r) => sum + r.wasted, 0),
    wastedFiles: wasted.sort((a, b) => b.size - a.size).slice(0, 100),
  }
}
