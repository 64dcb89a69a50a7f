/**
 * The user's engines (E2, E3): the startup engine, and the engines added in the UI —
 * tested, saved in the settings (without secrets), connected at every start, removed
 * on request. Which one is the default (the one a new window opens on) is saved too.
 * An SSH host key the user accepts goes to known_hosts, as `ssh` would put it.
 */
import { readFile } from 'node:fs/promises'
import type { EngineInput } from '../../shared/engineSchemas'
import type { EngineEntry, EngineTestResult } from '../../shared/engines'
import { WharfError } from '../../shared/errors'
import type { SettingsStore } from '../storage/settings'
import { memorySecrets, type EngineSecrets } from './engineSecrets'
import { testEngine } from './engineTest'
import { fingerprint, keyFromBlob, type KnownHosts } from './knownHosts'
import { connectionFor } from './profiles'
import type { EngineProfile, EngineRegistry } from './registry'
import { keyLockOf, type KeyState } from './keyLock'

/** A URL-safe id from a name, not yet taken. */
export function engineId(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'engine'
  let id = base
  for (let n = 2; taken(id) || id === 'local'; n++) id = `${base}-${n}`
  return id
}

export class EngineBook {
  /** Each keyed engine's (SSH identity or TLS client key) last word on its passphrase. */
  private readonly keyStates = new Map<string, KeyState>()

  constructor(
    private readonly registry: EngineRegistry,
    private readonly settings: SettingsStore,
    private readonly knownHosts: KnownHosts,
    private readonly startupEngine: string,
    private readonly secrets: EngineSecrets = memorySecrets(),
  ) {}

  /** Connects every saved engine (at start); one that cannot be set up is reported in its status, not thrown. */
  restore(): void {
    this.movePastedKeys()
    for (const saved of this.settings.engines()) {
      if (this.registry.get(saved.id)) continue
      try {
        this.registry.add(this.profile(saved.id, saved.name, saved.endpoint))
      } catch (err) {
        console.error(`wharf: the saved engine "${saved.name}" could not be set up:`, (err as Error).message)
      }
    }
  }

  get passphrasesKept(): 'keychain' | 'memory' {
    return this.secrets.persistent ? 'keychain' : 'memory'
  }

  /** Settings written before pasted keys were kept as secrets held them in clear: move them. */
  private movePastedKeys(): void {
    const engines = this.settings.engines()
    if (!engines.some((e) => e.endpoint.kind === 'tls' && e.endpoint.key?.from === 'text')) return
    this.settings.setEngines(
      engines.map((e) => {
        if (e.endpoint.kind !== 'tls' || e.endpoint.key?.from !== 'text') return e
        this.secrets.set(keptKeyId(e.id), e.endpoint.key.pem)
        return { ...e, endpoint: { ...e.endpoint, key: { from: 'kept' as const } } }
      }),
    )
  }

  defaultEngine(): string {
    const saved = this.settings.defaultEngine()
    return saved && this.registry.get(saved) ? saved : this.startupEngine
  }

  entries(): EngineEntry[] {
    const preferred = this.defaultEngine()
    return this.registry.list().map((e) => {
      const keyLock = this.keyStates.get(e.id)?.lock
      return { ...e, isDefault: e.id === preferred, ...(keyLock && e.status.state !== 'connected' ? { keyLock } : {}) }
    })
  }

  test(input: EngineInput): Promise<EngineTestResult> {
    return testEngine(input, this.knownHosts)
  }

  add(input: EngineInput): EngineEntry {
    const id = engineId(input.name, (candidate) => !!this.registry.get(candidate))
    this.secrets.set(id, input.passphrase || undefined)
    // A pasted private key is a secret: kept with the passphrases, the settings say only that it is kept.
    const endpoint = input.endpoint
    const pastedKey = endpoint.kind === 'tls' && endpoint.key?.from === 'text' ? endpoint.key.pem : undefined
    const saved = pastedKey && endpoint.kind === 'tls' ? { ...endpoint, key: { from: 'kept' as const } } : endpoint
    this.secrets.set(keptKeyId(id), pastedKey)
    try {
      this.registry.add(this.profile(id, input.name, saved))
    } catch (err) {
      this.forgetSecrets(id)
      throw err
    }
    this.settings.setEngines([...this.settings.engines(), { id, name: input.name, endpoint: saved }])
    return this.entry(id)
  }

  async remove(id: string): Promise<{ removed: string }> {
    if (id === this.startupEngine)
      throw new WharfError({
        code: 'conflict',
        message: 'The engine Wharf started with cannot be removed; start Wharf with another --engine instead',
      })
    if (!this.registry.get(id)) throw new WharfError({ code: 'not_found', message: `No engine "${id.slice(0, 100)}"` })
    await this.registry.remove(id)
    this.forgetSecrets(id)
    this.keyStates.delete(id)
    this.settings.setEngines(this.settings.engines().filter((e) => e.id !== id))
    if (this.settings.defaultEngine() === id) this.settings.setDefaultEngine(undefined)
    return { removed: id }
  }

  rename(id: string, name: string): EngineEntry {
    this.registry.rename(id, name)
    this.settings.setEngines(this.settings.engines().map((e) => (e.id === id ? { ...e, name } : e)))
    return this.entry(id)
  }

  setDefault(id: string): { defaultEngine: string } {
    this.registry.require(id)
    this.settings.setDefaultEngine(id === this.startupEngine ? undefined : id)
    this.registry.changed.emit(this.registry.list())
    return { defaultEngine: id }
  }

  /** The user checked the fingerprint and accepts the key; then connecting goes through. */
  async trustHostKey(host: string, port: number, key: string): Promise<{ trusted: string }> {
    const [algorithm, base64] = key.split(' ')
    const blob = Buffer.from(base64, 'base64')
    const parsed = keyFromBlob(blob)
    if (parsed.algorithm !== algorithm) throw new WharfError({ code: 'invalid_input', message: 'The key does not say what it is' })
    if ((await this.knownHosts.verify(host, port, parsed)) === 'changed')
      throw new WharfError({
        code: 'conflict',
        message:
          'known_hosts has another key for this host: Wharf does not replace it. Remove the old key yourself if the change is expected.',
      })
    await this.knownHosts.trust(host, port, key)
    // An engine waiting on this host connects now instead of at its next retry.
    for (const scope of this.registry.scopesList()) if (scope.connection.getStatus().state !== 'connected') void scope.connection.connect()
    return { trusted: fingerprint(blob) }
  }

  /**
   * The passphrase of an engine's key (SSH identity or TLS client key), entered after it
   * was added (browser mode forgets passphrases when it stops; a key's passphrase may
   * change). Checked against the key before it is kept, then the engine connects at once.
   */
  async unlock(id: string, passphrase: string): Promise<EngineEntry> {
    const scope = this.registry.require(id)
    const endpoint = this.settings.engines().find((e) => e.id === id)?.endpoint
    const source = endpoint && keySource(endpoint, () => this.secrets.get(keptKeyId(id)))
    if (!source)
      throw new WharfError({
        code: 'invalid_input',
        message: 'Only an SSH engine with a key file or a TLS engine with a client key takes a passphrase',
      })
    const key = await source.read()
    if (keyLockOf(source.kind, key, passphrase))
      throw new WharfError({
        code: 'invalid_input',
        message: `This passphrase does not open the ${source.what}`,
        fields: { passphrase: 'This passphrase does not open the key' },
      })
    this.secrets.set(id, passphrase)
    if (scope.connection.getStatus().state !== 'connected') void scope.connection.connect()
    return this.entry(id)
  }

  private forgetSecrets(id: string): void {
    this.secrets.set(id, undefined)
    this.secrets.set(keptKeyId(id), undefined)
  }

  private entry(id: string): EngineEntry {
    const found = this.entries().find((e) => e.id === id)
    if (!found) throw new WharfError({ code: 'not_found', message: `No engine "${id}"` })
    return found
  }

  private profile(id: string, name: string, endpoint: EngineInput['endpoint']): EngineProfile {
    const options = connectionFor(
      endpoint,
      { passphrase: () => this.secrets.get(id), keptKey: () => this.secrets.get(keptKeyId(id)) },
      this.knownHosts,
    )
    if (options.keyState) this.keyStates.set(id, options.keyState)
    return { id, name, source: 'added', endpoint, options }
  }
}

/** Where a pasted TLS client key is kept among the secrets (engine ids have no slash). */
const keptKeyId = (id: string): string => `${id}/tls-key`

/** The key of an engine that may need a passphrase: what it is called and how to read it. */
function keySource(
  endpoint: EngineInput['endpoint'],
  kept: () => string | undefined,
): { kind: 'ssh' | 'tls'; what: string; read: () => Promise<Buffer> } | undefined {
  const fromFile = (what: string, path: string) => () =>
    readFile(path).catch((err: NodeJS.ErrnoException) => {
      throw new WharfError({ code: 'invalid_input', message: `Cannot read the ${what}: ${err.code ?? err.message}` })
    })
  if (endpoint.kind === 'ssh' && endpoint.identityFile) {
    const what = `SSH key ${endpoint.identityFile}`
    return { kind: 'ssh', what, read: fromFile(what, endpoint.identityFile) }
  }
  if (endpoint.kind !== 'tls' || !endpoint.key) return undefined
  if (endpoint.key.from !== 'file') {
    const pem = endpoint.key.from === 'text' ? endpoint.key.pem : kept()
    const what = 'TLS client key'
    const read = () =>
      pem
        ? Promise.resolve(Buffer.from(pem))
        : Promise.reject(new WharfError({ code: 'invalid_input', message: `The pasted ${what} is no longer kept: add the engine again` }))
    return { kind: 'tls', what, read }
  }
  const what = `TLS client key ${endpoint.key.path}`
  return { kind: 'tls', what, read: fromFile(what, endpoint.key.path) }
}
