/**
 * The window's size, position and maximized state, kept across starts in one small JSON
 * file in the user data folder. Written atomically (a temporary file renamed over the
 * old one), so a crash mid-write leaves the previous state, never half a file. Saved
 * bounds are used only when the window's title bar would land on a display that is
 * connected now: a monitor unplugged since must not leave the window out of reach.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

const stateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
})

export type WindowState = Omit<z.infer<typeof stateSchema>, 'version'>

/** How much of the title bar must be on a display for the saved position to be used. */
const GRAB_WIDTH = 100
const GRAB_HEIGHT = 24

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/**
 * The saved bounds if the user could still grab the window by its title bar on one of
 * the displays' work areas (taskbars and docks excluded), else undefined: the window then
 * opens at its default size, centred.
 */
export function restorableBounds(saved: Rectangle, workAreas: Rectangle[]): Rectangle | undefined {
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: GRAB_HEIGHT }
  const reachable = workAreas.some((area) => {
    const { width, height } = overlap(titleBar, area)
    return width >= Math.min(GRAB_WIDTH, saved.width) && height >= GRAB_HEIGHT
  })
  return reachable ? saved : undefined
}

/** The state in `file`, or undefined when there is none or it is not one Wharf wrote. */
export function loadWindowState(file: string): WindowState | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text))
    return parsed.success ? { bounds: parsed.data.bounds, maximized: parsed.data.maximized } : undefined
  } catch {
    return undefined
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify({ version: 1, ...state }) + '\n', { mode: 0o600 })
  renameSync(temporary, file)
}

/** The parts of a BrowserWindow the tracker uses (a fake in tests). */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  getNormalBounds(): Rectangle
  isMaximized(): boolean
  isMinimized(): boolean
  isFullScreen(): boolean
}

/**
 * Saves the window's state a moment after it stops changing, and once more as it closes.
 * The bounds saved are the normal (unmaximized) ones, so un-maximizing after a restart
 * returns to the size the user chose.
 */
export function trackWindowState(win: TrackedWindow, save: (state: WindowState) => void, delayMs = 500): void {
  let timer: NodeJS.Timeout | undefined
  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    // Minimized and full-screen geometry is not what the user would want back.
    if (win.isMinimized() || win.isFullScreen()) return
    try {
      save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (err) {
      // A read-only or full disk costs the remembered position, never the window.
      console.error('wharf: could not save the window state', err)
    }
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(flush, delayMs)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, later)
  win.on('close', flush)
}
