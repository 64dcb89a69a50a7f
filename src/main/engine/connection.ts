/**
 * One live connection to a container engine.
 *
 * Lifecycle: connect() walks the detected candidates and keeps the first that answers
 * /_ping (its headers say Docker or Podman); the version follows when /version answers.
 * While connected it holds ONE /events stream for the whole app and a heartbeat
 * every half second with a 1 s limit, so a hung engine is noticed within 1.5 s (plus
 * timer lateness on a busy host), inside the 2 s the design asks, even when the socket
 * hangs instead of closing. On loss it reports "disconnected", retries with back-off
 * (0.25 s doubling to 5 s), and after reconnecting emits `resynced` so every store
 * lists afresh before applying events again (the engine only keeps 256 past events).
 */
import Dockerode from 'dockerode'
import type { Readable } from 'node:stream'
import { WharfError } from '../../shared/errors'
import type { EngineCandidate, EngineStatus } from '../../shared/types'
import { engineCandidates, type DetectOptions } from './detect'
import { optionsForEndpoint } from './endpoint'
import { createLineParser, isEngineEvent, type EngineEvent } from './eventLines'
import { Listeners } from './listeners'
import { pingEngine } from './ping'

const PING_TIMEOUT_MS = 1500
/** Podman counts its images and containers to answer /version: seconds on a busy host. */
const VERSION_TIMEOUT_MS = 15_000
const HEARTBEAT_MS = 500
const HEARTBEAT_LIMIT_MS = 1000
const BACKOFF_MIN_MS = 250
const BACKOFF_MAX_MS = 5000

export interface ConnectionOptions extends DetectOptions {
  podmanAvailable?: boolean
  /** How to reach the explicit address when the URL alone does not say (TLS material, an SSH tunnel). */
  clientOptions?: () => Dockerode.DockerOptions
  /** The first /_ping's limit: an SSH handshake takes longer than a local socket. */
  connectTimeoutMs?: number
  /** Runs when the connection closes for good (an SSH tunnel to end). */
  onClose?: () => void
}

export class EngineConnection {
  readonly statusChanged = new Listeners<EngineStatus>()
  readonly events = new Listeners<EngineEvent>()
  /** Fired after a reconnect, once the event stream is open again. */
  readonly resynced = new Listeners<void>()

  private current: Dockerode | undefined
  private status: EngineStatus
  private eventStream: Readable | undefined
  private heartbeat: NodeJS.Timeout | undefined
  private retryTimer: NodeJS.Timeout | undefined
  private backoff = BACKOFF_MIN_MS
  private everConnected = false
  private closed = false
  private connecting: Promise<EngineStatus> | undefined

  constructor(private readonly options: ConnectionOptions = {}) {
    this.status = { state: 'connecting', tried: [], podmanAvailable: options.podmanAvailable ?? false }
  }

  getStatus(): EngineStatus {
    return this.status
  }

  setPodmanAvailable(available: boolean): void {
    if (available !== this.status.podmanAvailable) this.setStatus({ ...this.status, podmanAvailable: available })
  }

  /** The engine client; throws a user-readable error while there is no engine. */
  get docker(): Dockerode {
    if (!this.current || this.status.state !== 'connected') {
      throw new WharfError({
        code: 'engine_unavailable',
        message: this.status.error ? `No engine is connected: ${this.status.error}` : 'No engine is connected',
      })
    }
    return this.current
  }

  /**
   * The engine client, waiting out a connection attempt in progress so a request made
   * while Wharf is still connecting (at start, or right after the engine came back)
   * succeeds instead of failing.
   */
  async client(): Promise<Dockerode> {
    if (this.connecting) await this.connecting
    return this.docker
  }

  /** Try every candidate now; resolves with the resulting status. */
  connect(): Promise<EngineStatus> {
    if (this.closed) return Promise.resolve(this.status)
    this.connecting ??= this.attempt().finally(() => {
      this.connecting = undefined
    })
    return this.connecting
  }

  close(): void {
    this.options.onClose?.()
    this.closed = true
    clearTimeout(this.retryTimer)
    clearInterval(this.heartbeat)
    this.eventStream?.destroy()
    this.eventStream = undefined
  }

  private async attempt(): Promise<EngineStatus> {
    clearTimeout(this.retryTimer)
    const tried: EngineCandidate[] = []
    for (const candidate of engineCandidates(this.options)) {
      if (candidate.error) {
        tried.push(candidate)
        continue
      }
      try {
        const client = new Dockerode(this.options.clientOptions?.() ?? optionsForEndpoint(candidate.endpoint))
        const ping = await withTimeout(
          pingEngine(client),
          this.options.connectTimeoutMs ?? PING_TIMEOUT_MS,
          'did not answer /_ping in time',
        )
        if (this.closed) return this.status
        this.current = client
        await this.openEvents()
        const reconnected = this.everConnected
        this.everConnected = true
        this.backoff = BACKOFF_MIN_MS
        tried.push(candidate)
        this.setStatus({
          state: 'connected',
          endpoint: candidate.endpoint,
          flavor: ping.flavor,
          apiVersion: ping.apiVersion,
          tried,
          podmanAvailable: this.status.podmanAvailable,
        })
        clearTimeout(this.retryTimer)
        this.startHeartbeat()
        this.fetchVersion(client)
        if (reconnected) this.resynced.emit()
        return this.status
      } catch (err) {
        tried.push({ ...candidate, error: describe(err) })
      }
    }
    this.current = undefined
    const lastError = tried.length > 0 ? tried[tried.length - 1].error : 'no engine address to try'
    this.scheduleRetry(this.everConnected ? 'disconnected' : 'unavailable', tried, lastError)
    return this.status
  }

  /**
   * The version is shown, not needed to work: it is fetched after connecting, with a
   * patient limit, and joins the status when it arrives.
   */
  private fetchVersion(client: Dockerode): void {
    withTimeout(client.version(), VERSION_TIMEOUT_MS, 'did not answer /version in time').then(
      (version) => {
        if (client !== this.current || this.status.state !== 'connected') return
        const isPodman = (version.Components ?? []).some((c) => /podman/i.test(c.Name))
        this.setStatus({
          ...this.status,
          flavor: isPodman ? 'podman' : (this.status.flavor ?? 'docker'),
          version: version.Version,
          apiVersion: version.ApiVersion,
        })
      },
      // Without a version the badge names the engine alone; the heartbeat judges its health.
      () => undefined,
    )
  }

  private async openEvents(): Promise<void> {
    // Let go of the old stream before closing it: its 'close' must not read as the engine
    // lost. (It did when connecting again while connected — "Try again", or an SSH host key
    // accepted — and the retry that scheduled closed the next stream, for ever.)
    const old = this.eventStream
    this.eventStream = undefined
    old?.destroy()
    const stream = (await this.current!.getEvents()) as unknown as Readable
    this.eventStream = stream
    const parse = createLineParser((value) => {
      if (isEngineEvent(value)) this.events.emit(value)
    })
    stream.on('data', parse)
    const lost = (): void => {
      if (this.eventStream === stream) this.lose('The engine closed its event stream')
    }
    stream.on('end', lost)
    stream.on('close', lost)
    stream.on('error', (err) => {
      if (this.eventStream === stream) this.lose(describe(err))
    })
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeat)
    let inFlight = false
    this.heartbeat = setInterval(() => {
      if (inFlight || !this.current) return
      inFlight = true
      const client = this.current
      withTimeout(client.ping(), HEARTBEAT_LIMIT_MS, 'stopped answering /_ping')
        .catch((err: unknown) => {
          if (client === this.current) this.lose(describe(err))
        })
        .finally(() => {
          inFlight = false
        })
    }, HEARTBEAT_MS)
  }

  private lose(reason: string): void {
    if (this.closed || this.status.state !== 'connected') return
    clearInterval(this.heartbeat)
    const stream = this.eventStream
    this.eventStream = undefined
    stream?.destroy()
    this.current = undefined
    this.scheduleRetry('disconnected', this.status.tried, reason)
  }

  private scheduleRetry(state: 'disconnected' | 'unavailable', tried: EngineCandidate[], error: string | undefined): void {
    if (this.closed) return
    const delay = this.backoff
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MAX_MS)
    this.setStatus({
      state,
      endpoint: this.status.endpoint,
      flavor: this.status.flavor,
      tried,
      error,
      podmanAvailable: this.status.podmanAvailable,
      retryInMs: delay,
    })
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => void this.connect(), delay)
  }

  private setStatus(status: EngineStatus): void {
    this.status = status
    this.statusChanged.emit(status)
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message
  }
  return String(err)
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
