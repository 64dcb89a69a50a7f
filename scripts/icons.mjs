// `npm run icons`: renders resources/icon.svg into resources/icons/NxN.png, icon.icns and
// icon.ico, and makes the browser tab's favicon the same mark. The outputs are committed;
// tests/packaging/icons.test.ts fails when they no longer match the SVG.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderIcons } from './lib/icons.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const resources = join(root, 'resources')
const svgPath = join(resources, 'icon.svg')

for (const [name, bytes] of renderIcons(readFileSync(svgPath))) {
  const target = join(resources, name)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, bytes)
  console.log(`wrote resources/${name} (${bytes.length} bytes)`)
}
copyFileSync(svgPath, join(root, 'src/renderer/public/favicon.svg'))
console.log('wrote src/renderer/public/favicon.svg')
