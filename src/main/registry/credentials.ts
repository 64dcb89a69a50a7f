/**
 * Registry credentials Wharf was given at login. Held in this process's memory only —
 * never written to disk, never sent to the renderer — and handed to the engine per pull
 * or push (X-Registry-Auth). The desktop app's safeStorage and docker credential helpers
 * are not wired yet; see the README.
 */
export interface Credential {
  serveraddress: string
  username: string
  password: string
}

export class Credentials {
  private readonly byServer = new Map<string, Credential>()

  set(credential: Credential): void {
    this.byServer.set(credential.serveraddress, credential)
  }

  get(server: string): Credential | undefined {
    return this.byServer.get(server)
  }

  remove(server: string): boolean {
    return this.byServer.delete(server)
  }

  /** Who is logged in where; no secrets. */
  list(): Array<{ server: string; username: string }> {
    return [...this.byServer.values()].map((c) => ({ server: c.serveraddress, username: c.username }))
  }
}
