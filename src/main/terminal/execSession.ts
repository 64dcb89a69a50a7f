/**
 * One `docker exec -it` session: a process with a TTY inside a running container, over
 * the Engine API's hijacked stream. Output is handed on as bytes (a TTY stream is not
 * multiplexed); decoding belongs to the terminal emulator, which keeps characters whole
 * across chunks. This is the engine side of the terminal pane (issue 4, T1 and T5).
 */
import type { Duplex } from 'node:stream'
import { WharfError } from '../../shared/errors'
import type { EngineConnection } from '../engine/connection'
import { toWharfError } from '../engine/engineError'

export type ExitReason = 'exited' | 'container-stopped' | 'engine-lost' | 'closed'

export interface TerminalSink {
  data(bytes: Buffer): void
  exit(info: { reason: ExitReason; exitCode: number | null }): void
}

export interface ExecOptions {
  container: string
  /** The command; empty or absent picks bash when the container has it, else sh. */
  command?: string[]
  user?: string
  workdir?: string
  /** KEY=VALUE */
  env?: string[]
  cols: number
  rows: number
}

const AUTO_SHELL = ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi']

export class ExecSession {
  private stream?: Duplex
  private finished = false
  private stopListening: () => void = () => undefined

  private constructor(
    private readonly engine: EngineConnection,
    private readonly execId: string,
    private readonly sink: TerminalSink,
  ) {}

  static async open(engine: EngineConnection, options: ExecOptions, sink: TerminalSink): Promise<ExecSession> {
    try {
      const docker = await engine.client()
      const container = docker.getContainer(options.container)
      const info = await container.inspect()
      if (!info.State.Running) throw new WharfError({ code: 'conflict', message: `${info.Name.slice(1)} is not running` })
      if (info.State.Paused)
        throw new WharfError({ code: 'conflict', message: `${info.Name.slice(1)} is paused; unpause it to open a terminal` })
      const exec = await container.exec({
        Cmd: options.command?.length ? options.command : AUTO_SHELL,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color', ...(options.env ?? [])],
        ...(options.user ? { User: options.user } : {}),
        ...(options.workdir ? { WorkingDir: options.workdir } : {}),
      })
      const session = new ExecSession(engine, exec.id, sink)
      session.stopListening = engine.events.add((event) => {
        if (event.Type === 'container' && event.Actor.ID === info.Id && (event.Action === 'die' || event.Action === 'destroy')) {
          session.finish('container-stopped', null)
        }
      })
      const stream: Duplex = await exec.start({ hijack: true, stdin: true, Tty: true })
      session.attach(stream)
      await session.resize(options.cols, options.rows).catch(() => undefined)
      return session
    } catch (err) {
      throw toWharfError(err)
    }
  }

  private attach(stream: Duplex): void {
    this.stream = stream
    stream.on('data', (chunk: Buffer) => {
      if (!this.finished) this.sink.data(chunk)
    })
    stream.on('end', () => void this.exitedOnItsOwn())
    stream.on('close', () => void this.exitedOnItsOwn())
    stream.on('error', () => this.finish('engine-lost', null))
  }

  private async exitedOnItsOwn(): Promise<void> {
    if (this.finished) return
    let exitCode: number | null = null
    try {
      const docker = await this.engine.client()
      exitCode = (await docker.getExec(this.execId).inspect()).ExitCode
    } catch {
      // The engine went away with the stream; the code is unknown.
    }
    this.finish('exited', exitCode)
  }

  /** Keystrokes and pastes, as bytes or text. */
  write(data: Buffer | string): void {
    if (!this.finished) this.stream?.write(data)
  }

  /** The TTY follows the terminal's size (`stty size` shows it). */
  async resize(cols: number, rows: number): Promise<void> {
    if (this.finished) return
    const docker = await this.engine.client()
    await docker.getExec(this.execId).resize({ w: cols, h: rows })
  }

  /** Back-pressure from the renderer: stop reading from the engine until resumed. */
  pause(): void {
    this.stream?.pause()
  }

  resume(): void {
    this.stream?.resume()
  }

  /** Closing the tab: the shell gets EOF/hang-up as the stream closes. */
  close(): void {
    this.finish('closed', null)
  }

  private finish(reason: ExitReason, exitCode: number | null): void {
    if (this.finished) return
    this.finished = true
    this.stopListening()
    this.stream?.destroy()
    this.sink.exit({ reason, exitCode })
  }
}
