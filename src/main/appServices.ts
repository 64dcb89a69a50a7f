/**
 * The app's services: what belongs to the whole app (tasks, registry logins, terminal
 * sessions, transfer tickets, settings, the native dialog) and the registry of engines,
 * each with its own services. Both shells build exactly this: browser mode in
 * apiStack.ts, the desktop in desktopApi.ts.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { ExternalOpener, PathPicker } from './api/context'
import { TransferTickets } from './downloads/tickets'
import { EngineBook } from './engine/engineBook'
import { KnownHosts } from './engine/knownHosts'
import { podmanInstalled } from './engine/podman'
import { EngineRegistry } from './engine/registry'
import type { ScopeOptions } from './engine/scope'
import { Credentials, type Vault } from './registry/credentials'
import type { EngineSecrets } from './engine/engineSecrets'
import { memorySettings, type SettingsStore } from './storage/settings'
import { Tasks } from './tasks/tasks'
import { Terminals } from './terminal/terminals'

export interface AppOptions extends ScopeOptions {
  hostShell?: boolean
  vault?: Vault
  /** Added engines' secrets (SSH key passphrases); without one, in memory only (browser mode). */
  engineSecrets?: EngineSecrets
  pickPath?: PathPicker
  /** Hands a web address main built to the system browser (desktop only). */
  openExternal?: ExternalOpener
  /** Where settings and added engines are kept; without one, in memory only (tests). */
  settings?: SettingsStore
  /** The user's known_hosts (default $WHARF_KNOWN_HOSTS, else ~/.ssh/known_hosts). */
  knownHostsFile?: string
}

/** The engine Wharf starts with: --engine, DOCKER_HOST, the docker context or a well-known socket. */
export const STARTUP_ENGINE = 'local'

export interface AppServices {
  engines: EngineRegistry
  /** The user's engines: added, saved, the default. */
  book: EngineBook
  settings: SettingsStore
  tasks: Tasks
  credentials: Credentials
  terminals: Terminals
  tickets: TransferTickets
  /** The desktop app's native open dialog; absent in browser mode, where paths are typed. */
  pickPath?: PathPicker
  /** The desktop's system browser, for addresses main built itself (a published port); absent in browser mode, where the page opens a tab. */
  openExternal?: ExternalOpener
  /** Ends every terminal session (their processes in the engines first), then every engine. */
  dispose(): Promise<void>
}

export function createAppServices(options: AppOptions = {}): AppServices {
  const tasks = new Tasks()
  const credentials = new Credentials(process.env, options.vault)
  const terminals = new Terminals({ hostShell: options.hostShell ?? true })
  const settings = options.settings ?? memorySettings()
  const engines = new EngineRegistry({ tasks, credentials })
  engines.onRemove((id) => terminals.closeEngine(id))
  const startup = engines.add({ id: STARTUP_ENGINE, name: 'Local', source: 'startup', options })
  void podmanInstalled().then((available) => startup.connection.setPodmanAvailable(available))
  const knownHosts = new KnownHosts(options.knownHostsFile ?? process.env.WHARF_KNOWN_HOSTS ?? join(homedir(), '.ssh', 'known_hosts'))
  const book = new EngineBook(engines, settings, knownHosts, STARTUP_ENGINE, options.engineSecrets)
  book.restore()
  return {
    engines,
    book,
    settings,
    tasks,
    credentials,
    terminals,
    tickets: new TransferTickets(),
    pickPath: options.pickPath,
    openExternal: options.openExternal,
    async dispose() {
      await terminals.closeAll()
      await engines.dispose()
    },
  }
}
