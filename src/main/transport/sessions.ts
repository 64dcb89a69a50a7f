/**
 * Browser-mode sessions. Opening the token URL creates one: a random id, kept in this
 * process only, sent as the cookie. So a cookie is not a function of the token: it
 * cannot be forged from it, dies when the server stops (a restart with the same --token
 * refuses every earlier cookie), and expires after a time without use (sliding). Only a
 * hash of the id is kept, so looking one up leaks nothing usable through timing.
 */
import { createHash, randomBytes } from 'node:crypto'

export interface SessionOptions {
  /** A session unused for this long ends. */
  ttlMs: number
  /** Beyond this many, the least recently used ends (each token URL opened makes one). */
  maxSessions: number
  now: () => number
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = { ttlMs: 12 * 60 * 60 * 1000, maxSessions: 64, now: Date.now }

const hash = (value: string): string => createHash('sha256').update(value).digest('hex')

export class SessionStore {
  private readonly options: SessionOptions
  /** Session key (hash of the cookie value) → expiry; in order of last use, oldest first. */
  private readonly live = new Map<string, number>()
  private readonly endListeners = new Set<(key: string) => void>()

  constructor(options: Partial<SessionOptions> = {}) {
    this.options = { ...DEFAULT_SESSION_OPTIONS, ...options }
  }

  /** A new session: the value for the cookie. */
  create(): string {
    this.sweep()
    while (this.live.size >= this.options.maxSessions) this.end(this.live.keys().next().value as string)
    const value = randomBytes(32).toString('base64url')
    this.live.set(hash(value), this.options.now() + this.options.ttlMs)
    return value
  }

  /** The key of the live session a cookie value names, its expiry pushed back; undefined when none. */
  use(value: string): string | undefined {
    const key = hash(value)
    return this.touch(key) ? key : undefined
  }

  /** Pushes back a live session's expiry (the page is in use); false when it has ended. */
  touch(key: string): boolean {
    const expires = this.live.get(key)
    if (expires === undefined) return false
    const now = this.options.now()
    if (expires <= now) {
      this.end(key)
      return false
    }
    this.live.delete(key)
    this.live.set(key, now + this.options.ttlMs)
    return true
  }

  /** Ends the sessions that expired; listeners close what they hold open for them. */
  sweep(): void {
    const now = this.options.now()
    for (const [key, expires] of this.live) if (expires <= now) this.end(key)
  }

  onEnd(listener: (key: string) => void): () => void {
    this.endListeners.add(listener)
    return () => this.endListeners.delete(listener)
  }

  get size(): number {
    return this.live.size
  }

  private end(key: string): void {
    if (!this.live.delete(key)) return
    for (const listener of this.endListeners) listener(key)
  }
}
