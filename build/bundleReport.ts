/**
 * `WHARF_BUNDLE_REPORT=1 electron-vite build`: what the renderer's first chunk is made of
 * (the biggest modules, as rollup rendered them) and, for each, the shortest chain of
 * static imports from the entry that pulls it in — to keep the first chunk lean (P6).
 */
import type { Plugin } from 'vite'

export function bundleReport(top = 25): Plugin {
  return {
    name: 'wharf-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue
        const modules = Object.entries(chunk.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength)
        const byPackage = new Map<string, number>()
        for (const [id, m] of modules) {
          const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? (id.startsWith('\0') ? id.slice(1) : 'app')
          byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + m.renderedLength)
        }
        console.log(`\n${chunk.fileName}: ${(chunk.code.length / 1024).toFixed(1)} kB of code`)
        for (const [pkg, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(size / 1024).toFixed(1).padStart(7)} kB  ${pkg}`)
        // The shortest chain of static imports from the entry: why a module is in the first chunk.
        const via = new Map<string, string | null>([[chunk.facadeModuleId ?? '', null]])
        for (const queue = [chunk.facadeModuleId ?? '']; queue.length; ) {
          const at = queue.shift() as string
          for (const next of this.getModuleInfo(at)?.importedIds ?? []) {
            if (via.has(next)) continue
            via.set(next, at)
            queue.push(next)
          }
        }
        const short = (id: string): string => id.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/').replace(/\?.*$/, '')
        console.log('  biggest modules, and the static imports that bring them in from the entry:')
        for (const [id, m] of modules.slice(0, top)) {
          const chain: string[] = []
          for (let at: string | null | undefined = id; at && chain.length < 12; at = via.get(at)) chain.push(short(at))
          console.log(`  ${(m.renderedLength / 1024).toFixed(1).padStart(7)} kB  ${chain.join(' ← ')}`)
        }
      }
    },
  }
}
