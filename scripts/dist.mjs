// `npm run dist [-- electron-builder args]`: builds the app with electron-vite, then the
// packages for this OS with electron-builder (electron-builder.yml). electron-builder needs
// Electron's zip for the target (from GitHub unless cached) and, for AppImage/deb/dmg/NSIS,
// its packaging tools (also downloaded); when one cannot be had, this says so plainly
// instead of leaving a stack trace as the last word.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const platformFlag = { linux: '--linux', darwin: '--mac', win32: '--win' }[process.platform]
const args = process.argv.slice(2)
const builderArgs = args.some((a) => ['--linux', '--mac', '--win', '-l', '-m', '-w'].includes(a)) ? args : [platformFlag, ...args]

function electronCacheDir() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache
  if (process.platform === 'darwin') return join(homedir(), 'Library/Caches/electron')
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? homedir(), 'electron/Cache')
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron')
}

function findFile(dir, name, depth = 2) {
  if (!existsSync(dir)) return null
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isFile() && entry.name === name) return path
    if (entry.isDirectory() && depth > 0) {
      const found = findFile(path, name, depth - 1)
      if (found) return found
    }
  }
  return null
}

if (lstatSync(join(root, 'node_modules')).isSymbolicLink()) {
  // electron-builder asks npm for the production dependency tree, and npm lists a linked
  // node_modules' packages without their own dependencies: the package would start
  // without docker-modem, ssh2 and the rest.
  console.error('wharf dist: NOT BUILT — node_modules here is a symlink (a git worktree sharing another')
  console.error("  checkout's install), through which electron-builder cannot see the dependency tree.")
  console.error('  Run `npm run dist` in a checkout with its own `npm ci`.')
  process.exit(1)
}

console.log('wharf dist: building the app (electron-vite)…')
const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
})
if (build.status !== 0) {
  console.error('wharf dist: the electron-vite build failed; see above. No package was made.')
  process.exit(build.status ?? 1)
}

const zip = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`
const cached = findFile(electronCacheDir(), zip)
console.log(
  cached
    ? `wharf dist: Electron ${electronVersion} for this machine is cached (${cached}).`
    : `wharf dist: ${zip} is not in ${electronCacheDir()}; electron-builder will download it (GitHub, or ELECTRON_MIRROR).`,
)

console.log(`wharf dist: electron-builder ${builderArgs.join(' ')}`)
let output = ''
const child = spawn(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), ...builderArgs], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
})
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  output += chunk
})
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk)
  output += chunk
})
child.on('close', (code) => {
  if (code === 0) {
    console.log('wharf dist: packages written to dist/.')
    return
  }
  const url = /https?:\/\/[^\s"')]+/.exec(
    output
      .split('\n')
      .filter((l) => /download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|status code/i.test(l))
      .join('\n'),
  )?.[0]
  const network = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|unable to download|status code 40[34]/i.test(output)
  console.error('')
  if (network) {
    console.error('wharf dist: NOT BUILT — electron-builder could not download what it needs.')
    if (url) console.error(`  It asked for: ${url}`)
    console.error(`  Electron ${electronVersion} (${zip}) comes from GitHub unless it is in ${electronCacheDir()};`)
    console.error('  the AppImage, deb (fpm), dmg and NSIS tools are downloaded from GitHub too.')
    console.error('  Fix: build on a machine with access to github.com, or set ELECTRON_MIRROR (and')
    console.error('  ELECTRON_BUILDER_BINARIES_MIRROR) to a mirror, or put the zip in the cache above.')
  } else {
    console.error(`wharf dist: NOT BUILT — electron-builder exited with ${String(code)}; see its output above.`)
  }
  process.exit(code ?? 1)
})
