/**
 * Every engine Wharf is connected to, by id: the one it started with and those the user
 * adds. Each is an EngineScope of its own. Removing an engine ends what runs on it
 * (its terminal sessions, through `onRemove`) and disposes its scope.
 */
import type { EngineEndpoint } from '../../shared/engineSchemas'
import type { EngineSource } from '../../shared/engines'
import { WharfError } from '../../shared/errors'
import type { EngineStatus } from '../../shared/types'
import { Listeners } from './listeners'
import { EngineScope, type ScopeOptions, type SharedServices } from './scope'

export interface EngineProfile {
  /** Stable and URL-safe: routes carry it (/e/<id>/containers). */
  id: string
  /** What the user calls it. */
  name: string
  source: EngineSource
  /** How an added engine is reached (shown, and saved). */
  endpoint?: EngineEndpoint
  options: ScopeOptions
}

export interface RegistryEntry {
  id: string
  name: string
  source: EngineSource
  endpoint?: EngineEndpoint
  status: EngineStatus
}

export class EngineRegistry {
  /** An engine was added or removed, or one's connection changed state. */
  readonly changed = new Listeners<RegistryEntry[]>()
  private readonly scopes = new Map<string, { scope: EngineScope; profile: EngineProfile; stop: () => void }>()
  private readonly removing = new Set<(id: string) => Promise<void>>()
  private closing = false

  constructor(private readonly shared: SharedServices) {}

  add(profile: EngineProfile): EngineScope {
    if (this.scopes.has(profile.id)) throw new WharfError({ code: 'conflict', message: `An engine "${profile.id}" is already connected` })
    const scope = new EngineScope(profile.id, profile.name, profile.options, this.shared)
    const stop = scope.connection.statusChanged.add(() => this.changed.emit(this.list()))
    this.scopes.set(profile.id, { scope, profile, stop })
    this.changed.emit(this.list())
    return scope
  }

  get(id: string): EngineScope | undefined {
    return this.scopes.get(id)?.scope
  }

  /** The engine a call names; a clear refusal when there is no such engine (any more). */
  require(id: string | undefined): EngineScope {
    if (id === undefined)
      throw new WharfError({ code: 'invalid_input', message: 'Say which engine: this call acts on one engine and names none' })
    const scope = this.get(id)
    if (!scope) throw new WharfError({ code: 'not_found', message: `No engine "${id.slice(0, 100)}" (it may have been removed)` })
    return scope
  }

  scopesList(): EngineScope[] {
    return [...this.scopes.values()].map((s) => s.scope)
  }

  list(): RegistryEntry[] {
    return [...this.scopes.values()].map(({ scope, profile }) => ({
      id: scope.id,
      name: profile.name,
      source: profile.source,
      endpoint: profile.endpoint,
      status: scope.connection.getStatus(),
    }))
  }

  /** A new name for an engine (shown in lists and the switcher). */
  rename(id: string, name: string): void {
    const entry = this.scopes.get(id)
    if (!entry) throw new WharfError({ code: 'not_found', message: `No engine "${id.slice(0, 100)}"` })
    entry.profile = { ...entry.profile, name }
    this.changed.emit(this.list())
  }

  /** Run before an engine's scope goes: what lives outside it but runs on it (terminal sessions). */
  onRemove(cleanup: (id: string) => Promise<void>): () => void {
    this.removing.add(cleanup)
    return () => this.removing.delete(cleanup)
  }

  async remove(id: string): Promise<void> {
    const entry = this.scopes.get(id)
    if (!entry) return
    this.scopes.delete(id)
    entry.stop()
    await Promise.all([...this.removing].map((cleanup) => cleanup(id).catch(() => undefined)))
    await entry.scope.dispose()
    if (!this.closing) this.changed.emit(this.list())
  }

  /**
   * Wharf is stopping: every engine goes, but none was removed, so pages are not told
   * (browser mode's pages hear it before their sockets close, and would say the engine
   * they show no longer exists instead of that the server went away).
   */
  async dispose(): Promise<void> {
    this.closing = true
    await Promise.all([...this.scopes.keys()].map((id) => this.remove(id)))
  }
}
