/**
 * Registry credentials for pulls and pushes. Where the user's docker config names a
 * credential helper for a registry, the password goes to (and comes from) that helper;
 * otherwise Wharf holds it in this process's memory only — never on disk, never sent to
 * the renderer. The desktop app's safeStorage is not wired yet; see the README.
 */
import { helperFor, helperGet, runHelper } from './credentialHelper'

export interface Credential {
  serveraddress: string
  username: string
  password: string
}

export interface Login {
  server: string
  username: string
  /** "docker-credential-pass" and the like, or "memory". */
  store: string
}

export class Credentials {
  private readonly memory = new Map<string, Credential>()
  private readonly logins = new Map<string, Login>()

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async set(credential: Credential): Promise<Login> {
    const server = credential.serveraddress
    const helper = await helperFor(server, this.env)
    if (helper) {
      const payload = JSON.stringify({ ServerURL: server, Username: credential.username, Secret: credential.password })
      await runHelper(helper, 'store', payload, this.env)
      this.memory.delete(server)
    } else this.memory.set(server, credential)
    const login = { server, username: credential.username, store: helper ? `docker-credential-${helper}` : 'memory' }
    this.logins.set(server, login)
    return login
  }

  /** What to hand the engine for `server`: Wharf's own login, else what the helper holds (e.g. from `docker login`). */
  async get(server: string): Promise<Credential | undefined> {
    const held = this.memory.get(server)
    if (held) return held
    const helper = await helperFor(server, this.env)
    if (!helper) return undefined
    const found = await helperGet(helper, server, this.env).catch(() => undefined)
    return found ? { serveraddress: server, username: found.Username, password: found.Secret } : undefined
  }

  async remove(server: string): Promise<void> {
    const login = this.logins.get(server)
    this.memory.delete(server)
    this.logins.delete(server)
    const helper = await helperFor(server, this.env)
    if (helper && login?.store !== 'memory') await runHelper(helper, 'erase', server, this.env)
  }

  /** Who is logged in where, and where the secret is kept; no secrets. */
  list(): Login[] {
    return [...this.logins.values()]
  }
}
