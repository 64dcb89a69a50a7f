// `npm run serve -- [options]`: browser mode. Builds the app first when the build is
// missing or older than the sources, then runs the plain-Node server (out/main/server.js).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const stamp = join(root, 'out/renderer/index.html')

function newest(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

const inputs = ['src', 'electron.vite.config.ts', 'package.json'].map((p) => join(root, p))
const stale =
  !existsSync(stamp) || !existsSync(join(root, 'out/main/server.js')) || Math.max(...inputs.map(newest)) > statSync(stamp).mtimeMs
if (stale && !process.argv.includes('--help')) {
  console.error('wharf: building the app (first start or changed sources)…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) {
    console.error('wharf: the build failed; see above.')
    process.exit(result.status ?? 1)
  }
}
await import(pathToFileURL(join(root, 'out/main/server.js')).href)
