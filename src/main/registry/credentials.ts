/**
 * Registry credentials for pulls and pushes. Where the user's docker config names a
 * credential helper for a registry, the password goes to (and comes from) that helper;
 * otherwise the desktop app keeps it encrypted by the OS (a Vault over Electron's
 * safeStorage), and browser mode — or a desktop without a secure store — holds it in
 * this process's memory only. A password is never written in plain text and never
 * sent to the renderer.
 */
import { helperFor, helperGet, runHelper } from './credentialHelper'

/** `Login.store` of a login the desktop vault keeps: encrypted by the OS (Electron's safeStorage). */
export const VAULT_STORE = 'os-keychain'

export interface Credential {
  serveraddress: string
  username: string
  password: string
}

export interface Login {
  server: string
  username: string
  /** "docker-credential-pass" and the like, "os-keychain" (the desktop vault), or "memory". */
  store: string
}

/** Encrypted persistence for logins without a credential helper (the desktop app's safeStorage). */
export interface Vault {
  /** False when the OS offers no secure store (e.g. Linux without a keyring): then memory only. */
  available(): boolean
  /** How a login it keeps is reported (`Login.store`); the renderer words it. */
  readonly name: typeof VAULT_STORE
  load(): Promise<Credential[]>
  save(credentials: Credential[]): Promise<void>
}

export class Credentials {
  private readonly memory = new Map<string, Credential>()
  private readonly logins = new Map<string, Login>()
  private loaded: Promise<void> | undefined

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly vault?: Vault,
  ) {}

  /** Logins the vault kept from an earlier run. */
  private restore(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.vault?.available()) return
      for (const c of await this.vault.load().catch(() => [])) {
        this.memory.set(c.serveraddress, c)
        this.logins.set(c.serveraddress, { server: c.serveraddress, username: c.username, store: this.vault.name })
      }
    })()
    return this.loaded
  }

  private async persist(): Promise<void> {
    if (!this.vault?.available()) return
    const kept = [...this.memory.values()].filter((c) => this.logins.get(c.serveraddress)?.store === this.vault?.name)
    await this.vault.save(kept)
  }

  async set(credential: Credential): Promise<Login> {
    await this.restore()
    const server = credential.serveraddress
    const helper = await helperFor(server, this.env)
    if (helper) {
      const payload = JSON.stringify({ ServerURL: server, Username: credential.username, Secret: credential.password })
      await runHelper(helper, 'store', payload, this.env)
      this.memory.delete(server)
    } else this.memory.set(server, credential)
    const store = helper ? `docker-credential-${helper}` : this.vault?.available() ? this.vault.name : 'memory'
    const login = { server, username: credential.username, store }
    this.logins.set(server, login)
    await this.persist()
    return login
  }

  /** What to hand the engine for `server`: Wharf's own login, else what the helper holds (e.g. from `docker login`). */
  async get(server: string): Promise<Credential | undefined> {
    await this.restore()
    const held = this.memory.get(server)
    if (held) return held
    const helper = await helperFor(server, this.env)
    if (!helper) return undefined
    const found = await helperGet(helper, server, this.env).catch(() => undefined)
    return found ? { serveraddress: server, username: found.Username, password: found.Secret } : undefined
  }

  async remove(server: string): Promise<void> {
    await this.restore()
    const login = this.logins.get(server)
    this.memory.delete(server)
    this.logins.delete(server)
    await this.persist()
    const helper = await helperFor(server, this.env)
    if (helper && login?.store.startsWith('docker-credential-')) await runHelper(helper, 'erase', server, this.env)
  }

  /** Who is logged in where, and where the secret is kept; no secrets. */
  async list(): Promise<Login[]> {
    await this.restore()
    return [...this.logins.values()]
  }
}
