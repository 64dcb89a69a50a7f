/**
 * Which installed packages the desktop package needs at run time. electron-builder copies
 * every production dependency with all it pulls in, but the renderer's (Vue, Naive UI,
 * xterm.js, uPlot… about 90 MB with their own dependencies) are already bundled into
 * out/renderer. The roots here are the packages the built main and preload really
 * require, read from the bundles, so nothing needs a hand-kept list: what only the
 * renderer's packages pull in is excluded from the archive.
 */
import { builtinModules } from 'node:module'

export interface LockPackage {
  dev?: boolean
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/** The parts of package-lock.json (lockfileVersion 2 or 3) read here. */
export interface Lockfile {
  packages: Record<string, LockPackage>
}

const builtins = new Set(builtinModules)

/** The package a bare specifier names: `a/b/c` → `a`, `@s/a/b` → `@s/a`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Packages named by `require("…")` or `import("…")` in built bundles: bare specifiers only,
 * without Node's built-ins and Electron (the runtime provides both).
 */
export function requiredPackages(bundles: string[]): string[] {
  const found = new Set<string>()
  for (const source of bundles) {
    for (const match of source.matchAll(/\b(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      const name = packageName(match[1])
      if (!name.startsWith('node:') && !builtins.has(name) && name !== 'electron') found.add(name)
    }
  }
  return [...found].sort()
}

/** Where `name` resolves from the package at lock path `from`, walking up as Node does. */
function resolveIn(lock: Lockfile, from: string, name: string): string | undefined {
  let base = from
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
    if (lock.packages[candidate]) return candidate
    if (base === '') return undefined
    const at = base.lastIndexOf('node_modules/')
    base = at <= 0 ? '' : base.slice(0, at - 1)
  }
}

/** Lock paths (`node_modules/a/node_modules/b`) of `roots` and everything they pull in. */
export function packageClosure(lock: Lockfile, roots: string[]): Set<string> {
  const keep = new Set<string>()
  const queue: string[] = []
  for (const root of roots) {
    const path = resolveIn(lock, '', root)
    if (!path) throw new Error(`${root} is required by the built app but not in package-lock.json`)
    queue.push(path)
  }
  while (queue.length > 0) {
    const path = queue.pop() as string
    if (keep.has(path)) continue
    keep.add(path)
    const entry = lock.packages[path]
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      // An optional or peer dependency that was not installed is simply not there.
      const resolved = resolveIn(lock, path, name)
      if (resolved) queue.push(resolved)
    }
  }
  return keep
}

/** The package name at a lock path: `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameAt(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

/**
 * electron-builder `files` exclusions for the production packages outside the closure.
 * By name, wherever they sit: electron-builder hoists nested packages as it copies them
 * (conf/node_modules/ajv lands in node_modules/ajv), so lock paths would miss. A name
 * that is needed somewhere is never excluded, even where another copy of it is not.
 */
export function unneededModuleExcludes(lock: Lockfile, roots: string[]): string[] {
  const keep = packageClosure(lock, roots)
  const needed = new Set([...keep].map(nameAt))
  const unneeded = new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !keep.has(path))
      .map(([path]) => nameAt(path))
      .filter((name) => !needed.has(name)),
  )
  return [...unneeded].sort().map((name) => `!**/node_modules/${name}{,/**}`)
}
