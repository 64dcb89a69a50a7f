/**
 * Every terminal session of this Wharf process.
 *
 * Lifecycle: a session opens on `exec`/`attach`/`host` and lives in main until its tab is
 * closed — not with the view that shows it — so it survives navigation and a reloaded
 * page (the viewer replays what it missed). An ended session (process exited, container
 * stopped, detached, engine lost) stays listed with its output until closed. When the
 * last client goes away (window closed, every browser tab gone) and none comes back
 * within ORPHAN_GRACE_MS, every session is closed, so nothing is left running in a
 * container nobody watches.
 */
import { hostname } from 'node:os'
import { WharfError } from '../../shared/errors'
import type { TerminalEvent, TerminalInfo, TerminalKind } from '../../shared/terminal'
import { DEFAULT_DETACH_KEYS } from '../../shared/terminal'
import type { EngineConnection } from '../engine/connection'
import { AttachSession, type AttachOptions } from './attachSession'
import type { TerminalBackend, TerminalSink } from './backend'
import { ExecSession, type ExecOptions } from './execSession'
import { HostShell } from './hostShell'
import { TerminalSession } from './terminalSession'

const MAX_SESSIONS = 64

/** The engine a session runs on. */
export interface TerminalEngine {
  id: string
  connection: EngineConnection
}
export const ORPHAN_GRACE_MS = 30_000

export class Terminals {
  private readonly sessions = new Map<number, TerminalSession>()
  private nextId = 1
  private clients = 0
  private orphanTimer: NodeJS.Timeout | undefined

  constructor(private readonly options: { graceMs?: number; env?: NodeJS.ProcessEnv; hostShell?: boolean } = {}) {}

  exec(engine: TerminalEngine, options: ExecOptions): Promise<TerminalInfo> {
    return this.open(
      'exec',
      engine.id,
      (sink) => ExecSession.open(engine.connection, options, sink),
      (backend) => {
        const exec = backend as ExecSession
        return {
          title: exec.containerName,
          command: options.command?.join(' ') ?? '',
          container: { id: exec.containerId, name: exec.containerName },
          readOnly: false,
          exec: { command: options.command, user: options.user, workdir: options.workdir, env: options.env },
        }
      },
    )
  }

  attach(engine: TerminalEngine, options: AttachOptions): Promise<TerminalInfo> {
    return this.open(
      'attach',
      engine.id,
      (sink) => AttachSession.open(engine.connection, options, sink),
      (backend) => {
        const attach = backend as AttachSession
        return {
          title: attach.containerName,
          command: attach.command,
          container: { id: attach.containerId, name: attach.containerName },
          readOnly: !attach.tty,
          detachKeys: options.detachKeys ?? DEFAULT_DETACH_KEYS,
        }
      },
    )
  }

  /** A shell on this machine with DOCKER_HOST set to `engine`, so the CLI acts on what Wharf shows. */
  host(engine: TerminalEngine, size: { cols: number; rows: number }): Promise<TerminalInfo> {
    if (this.options.hostShell === false) {
      return Promise.reject(
        new WharfError({ code: 'unsupported', message: 'The host terminal is turned off on this Wharf (started with --no-host-shell)' }),
      )
    }
    const status = engine.connection.getStatus()
    const endpoint = status.state === 'connected' ? status.endpoint : undefined
    return this.open(
      'host',
      engine.id,
      (sink) => HostShell.open({ ...size, engineEndpoint: endpoint, env: this.options.env }, sink),
      (backend) => ({ title: hostname(), command: (backend as HostShell).shell, readOnly: false }),
    )
  }

  private async open(
    kind: TerminalKind,
    engine: string,
    start: (sink: TerminalSink) => Promise<TerminalBackend>,
    describe: (backend: TerminalBackend) => Pick<TerminalInfo, 'title' | 'command' | 'container' | 'readOnly' | 'detachKeys' | 'exec'>,
  ): Promise<TerminalInfo> {
    this.makeRoom()
    const id = this.nextId++
    const session = new TerminalSession({
      id,
      kind,
      engine,
      title: '',
      command: '',
      readOnly: false,
      status: { state: 'open' },
      createdAt: Date.now(),
    })
    const backend = await start(session.sink)
    session.backend = backend
    // The session may already have ended (a command that exits at once); keep its status.
    session.info = { ...session.info, ...describe(backend) }
    this.sessions.set(id, session)
    return session.info
  }

  /** Ended sessions make way for new ones; open ones are never closed behind the user's back. */
  private makeRoom(): void {
    if (this.sessions.size < MAX_SESSIONS) return
    const oldestEnded = [...this.sessions.values()].find((s) => s.isEnded)
    if (!oldestEnded) {
      throw new WharfError({ code: 'conflict', message: `${MAX_SESSIONS} terminals are open; close one to open another` })
    }
    this.sessions.delete(oldestEnded.info.id)
  }

  list(): TerminalInfo[] {
    return [...this.sessions.values()].map((s) => s.info)
  }

  private get(id: number): TerminalSession {
    const session = this.sessions.get(id)
    if (!session) throw new WharfError({ code: 'not_found', message: `No terminal session ${id} (it was closed)` })
    return session
  }

  async close(id: number): Promise<{ closed: number }> {
    const session = this.get(id)
    this.sessions.delete(id)
    await session.close()
    return { closed: id }
  }

  watch(id: number, viewer: string, emit: (event: TerminalEvent) => void, end: () => void): () => void {
    return this.get(id).watch(viewer, emit, end)
  }

  input(id: number, data: Uint8Array): void {
    this.sessions.get(id)?.backend?.write(data)
  }

  resize(id: number, cols: number, rows: number): void {
    void this.sessions
      .get(id)
      ?.backend?.resize(cols, rows)
      .catch(() => undefined)
  }

  ack(id: number, viewer: string, bytes: number): void {
    this.sessions.get(id)?.ack(viewer, bytes)
  }

  /** A window or browser tab connected; returns what to call when it goes away. */
  clientConnected(): () => void {
    this.clients++
    clearTimeout(this.orphanTimer)
    let gone = false
    return () => {
      if (gone) return
      gone = true
      this.clients--
      if (this.clients === 0 && this.sessions.size > 0) {
        this.orphanTimer = setTimeout(() => void this.closeAll(), this.options.graceMs ?? ORPHAN_GRACE_MS)
        this.orphanTimer.unref()
      }
    }
  }

  /** Closes the sessions of an engine that is being removed. */
  async closeEngine(engine: string): Promise<void> {
    const mine = [...this.sessions.values()].filter((s) => s.info.engine === engine)
    for (const session of mine) this.sessions.delete(session.info.id)
    await Promise.all(mine.map((s) => s.close().catch(() => undefined)))
  }

  async closeAll(): Promise<void> {
    clearTimeout(this.orphanTimer)
    const all = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(all.map((s) => s.close().catch(() => undefined)))
  }
}
