import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSettings } from './settings'

const engine = { id: 'build', name: 'Build', endpoint: { kind: 'ssh', user: 'deploy', host: 'build.example.com', port: 22 } } as const

describe('the settings file', () => {
  it('keeps engines, the default and preferences across opens, written whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-settings-'))
    const first = openSettings(dir)
    first.setEngines([engine])
    first.setDefaultEngine('build')
    first.setPreferences({ ...first.preferences(), theme: 'dark', terminalFontSize: 15 })
    const again = openSettings(dir)
    expect(again.engines()).toEqual([engine])
    expect(again.defaultEngine()).toBe('build')
    expect(again.preferences()).toMatchObject({ theme: 'dark', terminalFontSize: 15, terminalScrollback: 5000 })
    expect(again.notice).toBeUndefined()
    // No temp files left beside it.
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('keeps a file that is not JSON aside, says so, and starts from defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-settings-'))
    writeFileSync(join(dir, 'settings.json'), '{"engines": [ {broken')
    const store = openSettings(dir, () => new Date('2026-12-01T10:00:00Z'))
    expect(store.engines()).toEqual([])
    expect(store.notice).toMatch(/could not be read .* kept as .*settings\.json\.corrupt-2026-12-01T10-00-00-000Z/)
    expect(readFileSync(join(dir, 'settings.json.corrupt-2026-12-01T10-00-00-000Z'), 'utf8')).toBe('{"engines": [ {broken')
  })

  it('drops an engine or a preference that no longer parses, keeps the rest, and says what it left out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-settings-'))
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ engines: [engine, { id: 'x', name: 'X', endpoint: { kind: 'carrier-pigeon' } }], preferences: { theme: 'neon' } }),
    )
    const store = openSettings(dir)
    expect(store.engines()).toEqual([engine])
    expect(store.preferences().theme).toBe('system')
    expect(store.notice).toMatch(/saved engine could not be read.*carrier-pigeon/)
    expect(store.notice).toMatch(/preferences could not be read/)
  })
})
