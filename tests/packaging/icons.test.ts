/**
 * The committed icons are what `npm run icons` makes from resources/icon.svg today: an
 * edited SVG without regenerated files (or a hand-edited PNG) fails here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PNG_SIZES, renderIcons } from '../../scripts/lib/icons.mjs'

const root = join(__dirname, '../..')
const svg = readFileSync(join(root, 'resources/icon.svg'))

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

describe('app icons', () => {
  const rendered = renderIcons(svg)

  it('are rendered in every size the packages and windows use', () => {
    expect([...rendered.keys()].sort()).toEqual([...PNG_SIZES.map((size) => `icons/${size}x${size}.png`), 'icon.icns', 'icon.ico'].sort())
    for (const size of PNG_SIZES) expect(pngSize(rendered.get(`icons/${size}x${size}.png`) as Buffer)).toEqual([size, size])
  })

  it('committed in resources/ match a fresh render of resources/icon.svg (run `npm run icons` after editing it)', () => {
    const stale = [...rendered].filter(([name, bytes]) => !readFileSync(join(root, 'resources', name)).equals(bytes)).map(([name]) => name)
    expect(stale).toEqual([])
  })

  it('are the browser tab’s favicon too', () => {
    expect(readFileSync(join(root, 'src/renderer/public/favicon.svg')).equals(svg)).toBe(true)
    expect(readFileSync(join(root, 'src/renderer/index.html'), 'utf8')).toMatch(/<link rel="icon" href="\/favicon\.svg"/)
  })

  it('hold the sizes macOS and Windows look for', () => {
    const icns = rendered.get('icon.icns') as Buffer
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    // ic10 is the 1024 px (512@2x) image the Dock and Finder use on Retina screens.
    expect(icns.includes('ic10')).toBe(true)
    const ico = rendered.get('icon.ico') as Buffer
    const count = ico.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256)
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]))
  })
})
