import { describe, expect, it } from 'vitest'
import { PANEL_DEFAULTS, readLayout } from './terminalPanel'
import { readDocked, writeDocked } from './terminalDocks'

function storage(items: Record<string, string> = {}) {
  return { getItem: (k: string) => items[k] ?? null, setItem: (k: string, v: string) => void (items[k] = v), items }
}

describe('the terminal panel layout kept per window', () => {
  it('comes back as this window left it, sizes kept within limits', () => {
    const session = storage({ 'wharf.terminalPanel': JSON.stringify({ open: true, width: 9999, height: 10 }) })
    expect(readLayout(session, storage())).toEqual({ open: true, width: 1400, height: 160 })
  })

  it('a new window starts closed, at the size last chosen anywhere; unreadable values are the defaults', () => {
    const local = storage({ 'wharf.terminalPanel': JSON.stringify({ open: true, width: 700, height: 'tall' }) })
    expect(readLayout(storage(), local)).toEqual({ open: false, width: 700, height: PANEL_DEFAULTS.height })
    expect(readLayout(storage({ 'wharf.terminalPanel': '{oops' }), storage())).toEqual(PANEL_DEFAULTS)
  })
})

describe('the sessions docked beside containers', () => {
  it('round-trips and drops what is not an id → engine/container pair', () => {
    const s = storage()
    writeDocked({ 3: 'local/abc' }, s)
    expect(readDocked(s)).toEqual({ 3: 'local/abc' })
    expect(readDocked(storage({ 'wharf.terminalDocks': JSON.stringify({ x: 'a', 4: 5, 5: 'local/d' }) }))).toEqual({ 5: 'local/d' })
    expect(readDocked(storage({ 'wharf.terminalDocks': 'nope' }))).toEqual({})
  })
})
