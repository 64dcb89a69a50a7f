import { describe, expect, it } from 'vitest'
import { isUserLaunch, revealWindow, type RevealableWindow } from './singleInstance'

function fakeWindow(state: { minimized: boolean; visible: boolean }) {
  const calls: string[] = []
  const win: RevealableWindow = {
    isMinimized: () => state.minimized,
    restore: () => calls.push('restore'),
    isVisible: () => state.visible,
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  }
  return { win, calls }
}

describe('second launch', () => {
  it('restores a minimized window and focuses it', () => {
    const { win, calls } = fakeWindow({ minimized: true, visible: true })
    revealWindow(win)
    expect(calls).toEqual(['restore', 'focus'])
  })

  it('shows a hidden window and focuses it', () => {
    const { win, calls } = fakeWindow({ minimized: false, visible: false })
    revealWindow(win)
    expect(calls).toEqual(['show', 'focus'])
  })

  it('only focuses a window that is already on screen', () => {
    const { win, calls } = fakeWindow({ minimized: false, visible: true })
    revealWindow(win)
    expect(calls).toEqual(['focus'])
  })

  it('tells the user’s launches from node-pty’s console-list fork', () => {
    expect(isUserLaunch(['C:\\Program Files\\Wharf\\Wharf.exe'])).toBe(true)
    expect(isUserLaunch(['/usr/bin/wharf', '--no-sandbox'])).toBe(true)
    expect(
      isUserLaunch([
        'C:\\Users\\me\\AppData\\Local\\Programs\\Wharf\\Wharf.exe',
        'C:\\Users\\me\\AppData\\Local\\Programs\\Wharf\\resources\\app.asar.unpacked\\node_modules\\node-pty\\lib\\conpty_console_list_agent',
        '4242',
      ]),
    ).toBe(false)
  })
})
