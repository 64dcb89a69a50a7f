import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadWindowState, restorableBounds, saveWindowState, trackWindowState, type Rectangle, type TrackedWindow } from './windowState'

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 }
const leftMonitor: Rectangle = { x: -1920, y: 0, width: 1920, height: 1050 }

describe('restorable bounds', () => {
  it('keeps a window that is on a connected display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 700 }
    expect(restorableBounds(saved, [laptop])).toEqual(saved)
  })

  it('keeps a window on a second display left of the first', () => {
    const saved = { x: -1800, y: 40, width: 1280, height: 820 }
    expect(restorableBounds(saved, [laptop, leftMonitor])).toEqual(saved)
  })

  it('drops a window whose display is no longer connected', () => {
    expect(restorableBounds({ x: -1800, y: 40, width: 1280, height: 820 }, [laptop])).toBeUndefined()
  })

  it('keeps a window hanging off an edge while enough of its title bar can be grabbed', () => {
    expect(restorableBounds({ x: 1300, y: 100, width: 1280, height: 820 }, [laptop])).toBeDefined()
    expect(restorableBounds({ x: 1400, y: 100, width: 1280, height: 820 }, [laptop])).toBeUndefined()
  })

  it('drops a window whose title bar is above the work area, out of reach', () => {
    expect(restorableBounds({ x: 100, y: -500, width: 1280, height: 820 }, [laptop])).toBeUndefined()
  })
})

describe('window state file', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wharf-window-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads back what was saved, and leaves no temporary file behind', () => {
    const file = join(dir, 'window-state.json')
    const state = { bounds: { x: -1800, y: 40, width: 1280, height: 820 }, maximized: true }
    saveWindowState(file, state)
    expect(loadWindowState(file)).toEqual(state)
    expect(readdirSync(dir)).toEqual(['window-state.json'])
  })

  it('is ignored when missing, damaged or not Wharf’s', () => {
    const file = join(dir, 'window-state.json')
    expect(loadWindowState(file)).toBeUndefined()
    for (const text of [
      '{"version":1,"bounds":{"x":0,"y":0,"width":800',
      '{"version":2,"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":false}',
      '{"version":1,"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}',
      '{"version":1,"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}',
      'null',
    ]) {
      writeFileSync(file, text)
      expect(loadWindowState(file)).toBeUndefined()
    }
  })
})

describe('window state tracking', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function fakeWindow() {
    const listeners = new Map<string, Array<() => void>>()
    const win = {
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
      minimized: false,
      fullScreen: false,
      on(event: string, listener: () => void) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener])
      },
      emit(event: string) {
        for (const listener of listeners.get(event) ?? []) listener()
      },
      getNormalBounds() {
        return { ...this.bounds }
      },
      isMaximized() {
        return this.maximized
      },
      isMinimized() {
        return this.minimized
      },
      isFullScreen() {
        return this.fullScreen
      },
    }
    return win satisfies TrackedWindow
  }

  it('saves once the window stops moving, with its normal bounds and maximized state', () => {
    const win = fakeWindow()
    const save = vi.fn()
    trackWindowState(win, save, 500)
    win.emit('move')
    win.bounds = { x: 50, y: 60, width: 1100, height: 720 }
    win.emit('resize')
    vi.advanceTimersByTime(499)
    expect(save).not.toHaveBeenCalled()
    win.maximized = true
    win.emit('maximize')
    vi.advanceTimersByTime(500)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith({ bounds: { x: 50, y: 60, width: 1100, height: 720 }, maximized: true })
  })

  it('saves at once when the window closes', () => {
    const win = fakeWindow()
    const save = vi.fn()
    trackWindowState(win, save, 500)
    win.emit('resize')
    win.emit('close')
    expect(save).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('does not remember a minimized or full-screen window', () => {
    const win = fakeWindow()
    const save = vi.fn()
    trackWindowState(win, save, 500)
    win.minimized = true
    win.emit('close')
    win.minimized = false
    win.fullScreen = true
    win.emit('resize')
    vi.advanceTimersByTime(500)
    expect(save).not.toHaveBeenCalled()
  })

  it('keeps the window working when the state cannot be written', () => {
    const win = fakeWindow()
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    trackWindowState(win, () => {
      throw new Error('EROFS: read-only file system')
    })
    expect(() => win.emit('close')).not.toThrow()
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })
})
