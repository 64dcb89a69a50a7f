/**
 * SVG text has no text-overflow: a long name in a topology box would run out of it.
 * This shortens a text with "…" to fit a width, measured with the font it is drawn in.
 */
let context: CanvasRenderingContext2D | null | undefined

function measure(text: string, font: string): number {
  context ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (!context) return text.length * 7.5
  context.font = font
  return context.measureText(text).width
}

export function fitText(text: string, width: number, font: string): string {
  if (measure(text, font) <= width) return text
  let low = 0
  let high = text.length
  // The longest prefix that still fits with the ellipsis.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (measure(`${text.slice(0, mid)}…`, font) <= width) low = mid
    else high = mid - 1
  }
  return `${text.slice(0, low)}…`
}
