// The app icon in every format the packages and windows need, rendered from one SVG.
// Pure: takes the SVG text and returns the files' bytes, so `npm run icons` writes them
// and a test renders them again to prove the committed files match the SVG.
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

/** Linux takes a folder of NxN.png (hicolor sizes); the window and browser tab use some of them. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/**
 * macOS lays app icons on a 1024 canvas with the artwork in the middle 824 (Apple's
 * template grid): full-bleed art would look a size larger than every other Dock icon.
 */
const MAC_CANVAS = 1024
const MAC_ARTWORK = 824

function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng()
}

function macCanvas(svg) {
  const art = renderPng(svg, MAC_ARTWORK).toString('base64')
  const offset = (MAC_CANVAS - MAC_ARTWORK) / 2
  const padded =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAC_CANVAS}" height="${MAC_CANVAS}">` +
    `<image x="${offset}" y="${offset}" width="${MAC_ARTWORK}" height="${MAC_ARTWORK}" href="data:image/png;base64,${art}"/></svg>`
  return renderPng(padded, MAC_CANVAS)
}

/** @returns {Map<string, Buffer>} paths relative to resources/ → bytes */
export function renderIcons(svg) {
  const files = new Map()
  for (const size of PNG_SIZES) files.set(`icons/${size}x${size}.png`, renderPng(svg, size))
  // png2icons scales one source down to each size the container holds; it caches the
  // last input, which would hand a second run in the same process stale images.
  png2icons.clearCache()
  const icns = png2icons.createICNS(macCanvas(svg), png2icons.BICUBIC2, 0)
  png2icons.clearCache()
  // forWinExe: sizes under 64 as BMP, larger as PNG, as Explorer's property pages expect.
  const ico = png2icons.createICO(files.get('icons/256x256.png'), png2icons.BICUBIC2, 0, false, true)
  png2icons.clearCache()
  if (!icns || !ico) throw new Error('png2icons could not make icon.icns / icon.ico')
  files.set('icon.icns', icns)
  files.set('icon.ico', ico)
  return files
}
