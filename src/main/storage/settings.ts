/**
 * The settings file (A4), through `conf`: written atomically (a temp file renamed over
 * it), with a schema version whose migrations run when an older file is read. What is
 * read is checked with the contract's zod schema, entry by entry: an engine or a value
 * that no longer parses is dropped with a notice instead of failing the start. A file
 * that is not JSON at all is kept aside (settings.json.corrupt-<time>) and defaults are
 * used — never a crash, and the user's engines are in the kept file to recover.
 *
 * Desktop: the app's user-data folder. Browser mode: $WHARF_CONFIG_DIR, else
 * $XDG_CONFIG_HOME/wharf (~/.config/wharf).
 */
import Conf from 'conf'
import { existsSync, renameSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { z } from 'zod'
import { preferences, savedEngine, type Preferences } from '../../shared/settings'

/** The shape's version; a migration per step brings an older file up to it. */
export const SETTINGS_VERSION = '1.0.0'

export type SavedEngine = z.output<typeof savedEngine>

type Stored = Record<'engines' | 'defaultEngine' | 'preferences', unknown>

export interface SettingsStore {
  readonly file: string
  /** Why the file was not used as it was at start, if so. */
  readonly notice?: string
  engines(): SavedEngine[]
  setEngines(engines: SavedEngine[]): void
  defaultEngine(): string | undefined
  setDefaultEngine(id: string | undefined): void
  preferences(): Preferences
  setPreferences(value: Preferences): void
}

export function defaultSettingsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WHARF_CONFIG_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'wharf')
}

export function openSettings(dir: string, now: () => Date = () => new Date()): SettingsStore {
  const options = {
    cwd: dir,
    configName: 'settings',
    projectName: 'wharf',
    projectVersion: SETTINGS_VERSION,
    // Each key names the version it brings a file up to; none yet: 1.0.0 is the first shape.
    migrations: {},
  }
  const notices: string[] = []
  let conf: Conf<Stored>
  try {
    conf = new Conf<Stored>(options)
  } catch (err) {
    // Only a file that is not JSON is set aside; anything else (a folder Wharf may not write) is a real error.
    const file = join(dir, 'settings.json')
    if (!(err instanceof SyntaxError) || !existsSync(file)) throw err
    const kept = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`
    renameSync(file, kept)
    notices.push(`The settings file could not be read (${err.message}); it was kept as ${kept} and defaults are in use.`)
    conf = new Conf<Stored>(options)
  }

  const engines: SavedEngine[] = []
  const storedEngines = conf.get('engines')
  for (const entry of Array.isArray(storedEngines) ? storedEngines : []) {
    const parsed = savedEngine.safeParse(entry)
    if (parsed.success) engines.push(parsed.data)
    else notices.push(`A saved engine could not be read and was left out: ${JSON.stringify(entry).slice(0, 200)}`)
  }
  const prefs = preferences.safeParse(conf.get('preferences') ?? {})
  if (!prefs.success) notices.push('Some preferences could not be read; their defaults are in use.')
  let current: Preferences = prefs.success ? prefs.data : preferences.parse({})

  return {
    file: conf.path,
    notice: notices.length ? notices.join(' ') : undefined,
    engines: () => [...engines],
    setEngines(next) {
      engines.splice(0, engines.length, ...next)
      conf.set('engines', next)
    },
    defaultEngine: () => {
      const id = conf.get('defaultEngine')
      return typeof id === 'string' ? id : undefined
    },
    setDefaultEngine(id) {
      if (id === undefined) conf.delete('defaultEngine')
      else conf.set('defaultEngine', id)
    },
    preferences: () => current,
    setPreferences(value) {
      current = value
      conf.set('preferences', value)
    },
  }
}

/** Settings that live in memory only (tests, and a shell that was given no folder). */
export function memorySettings(): SettingsStore {
  let engines: SavedEngine[] = []
  let defaultEngine: string | undefined
  let current = preferences.parse({})
  return {
    file: '(not saved)',
    engines: () => [...engines],
    setEngines: (next) => (engines = [...next]),
    defaultEngine: () => defaultEngine,
    setDefaultEngine: (id) => (defaultEngine = id),
    preferences: () => current,
    setPreferences: (value) => (current = value),
  }
}
