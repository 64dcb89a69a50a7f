import Anser from 'anser'

export interface Segment {
  text: string
  /** ansi-red, ansi-bright-blue-bg, bold… — styled in LogLines.vue. */
  classes: string[]
  /** 24-bit colours, as a style string the renderer binds (never HTML). */
  style?: string
}

// OSC sequences (window titles, OSC-8 hyperlinks) carry no colour: drop the sequence, keep the visible text.
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g
// What is left after SGR parsing (cursor moves, clears) is not for a log view.
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g
// Other control characters become visible symbols instead of vanishing or acting.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

function visible(text: string): string {
  return text.replace(CSI, '').replace(CONTROL, (c) => (c === '\u001b' ? '␛' : '\ufffd'))
}

/** xterm's 256-colour palette above the 16 themed colours: a 6×6×6 cube, then 24 greys. */
function paletteRgb(index: number): string {
  if (index >= 232) {
    const grey = 8 + (index - 232) * 10
    return `${grey}, ${grey}, ${grey}`
  }
  const i = index - 16
  const level = (n: number): number => (n === 0 ? 0 : 55 + n * 40)
  return `${level(Math.floor(i / 36))}, ${level(Math.floor(i / 6) % 6)}, ${level(i % 6)}`
}

const PALETTE_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']

function colour(name: string | null, truecolor: string | null): { name: string; rgb?: string } | undefined {
  if (!name) return undefined
  if (name.startsWith('ansi-truecolor')) return { name, rgb: truecolor ?? undefined }
  const palette = /^ansi-palette-(\d+)(-bg)?$/.exec(name)
  if (!palette) return { name }
  const index = Number(palette[1])
  const suffix = palette[2] ?? ''
  if (index < 8) return { name: `ansi-${PALETTE_NAMES[index]}${suffix}` }
  if (index < 16) return { name: `ansi-bright-${PALETTE_NAMES[index - 8]}${suffix}` }
  return { name, rgb: paletteRgb(index) }
}

/** Splits a log line into coloured text segments. The output is text only: nothing here is markup. */
export function toSegments(line: string): Segment[] {
  const cleaned = line.replace(OSC, '')
  if (!cleaned.includes('\u001b')) return [{ text: visible(cleaned), classes: [] }]
  const segments: Segment[] = []
  for (const entry of Anser.ansiToJson(cleaned, { use_classes: true, remove_empty: true })) {
    const classes: string[] = []
    const styles: string[] = []
    const fg = colour(entry.fg, entry.fg_truecolor)
    const bg = colour(entry.bg, entry.bg_truecolor)
    if (fg?.rgb) styles.push(`color: rgb(${fg.rgb})`)
    else if (fg) classes.push(fg.name)
    if (bg?.rgb) styles.push(`background-color: rgb(${bg.rgb})`)
    else if (bg) classes.push(bg.name)
    for (const decoration of entry.decorations) classes.push(`ansi-${decoration}`)
    const segment: Segment = { text: visible(entry.content), classes }
    if (styles.length) segment.style = styles.join('; ')
    segments.push(segment)
  }
  return segments
}
