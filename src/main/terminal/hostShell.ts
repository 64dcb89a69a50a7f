/**
 * A shell on the machine running Wharf, through node-pty, pointed at the engine Wharf is
 * connected to: DOCKER_HOST is that engine's address and DOCKER_CONTEXT is unset (a
 * context would override DOCKER_HOST), so `docker ps` in it lists what Wharf lists.
 * node-pty is loaded on first use: the server starts without it, and a machine where its
 * native part did not build gets a clear error instead of a crash.
 */
import { accessSync, constants } from 'node:fs'
import { homedir, hostname } from 'node:os'
import type * as NodePtyModule from 'node-pty'
import type { IPty } from 'node-pty'
import { WharfError } from '../../shared/errors'
import type { TerminalBackend, TerminalSink } from './backend'

type NodePty = typeof NodePtyModule

export interface HostShellOptions {
  cols: number
  rows: number
  /** The connected engine's address (unix://…, tcp://…, ssh://…), if any. */
  engineEndpoint?: string
  env?: NodeJS.ProcessEnv
}

function executable(path: string | undefined): path is string {
  if (!path) return false
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

export function pickShell(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return env.COMSPEC ?? 'powershell.exe'
  return [env.SHELL, '/bin/bash', '/bin/sh'].find(executable) ?? '/bin/sh'
}

export function hostShellEnv(base: NodeJS.ProcessEnv, engineEndpoint: string | undefined): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value
  delete env.DOCKER_CONTEXT
  if (engineEndpoint) env.DOCKER_HOST = engineEndpoint
  env.TERM = 'xterm-256color'
  env.COLORTERM = 'truecolor'
  return env
}

export class HostShell implements TerminalBackend {
  private finished = false

  private constructor(
    private readonly pty: IPty,
    private readonly sink: TerminalSink,
    readonly shell: string,
  ) {
    // With `encoding: null` node-pty hands out Buffers, whatever its typings say.
    pty.onData((data: string | Buffer) => {
      if (!this.finished) sink.data(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    })
    pty.onExit(({ exitCode }) => this.finish('exited', exitCode))
  }

  static async open(options: HostShellOptions, sink: TerminalSink): Promise<HostShell> {
    let pty: NodePty
    try {
      pty = await import('node-pty')
    } catch (err) {
      throw new WharfError({
        code: 'unsupported',
        message: `The host terminal needs node-pty, which did not load here: ${(err as Error).message}`,
      })
    }
    const env = options.env ?? process.env
    const shell = pickShell(env)
    try {
      const child = pty.spawn(shell, [], {
        name: 'xterm-256color',
        cols: options.cols,
        rows: options.rows,
        cwd: env.HOME ?? homedir(),
        env: hostShellEnv(env, options.engineEndpoint),
        // Bytes, not text: the terminal emulator decodes, keeping characters whole across chunks.
        encoding: null,
      })
      return new HostShell(child, sink, shell)
    } catch (err) {
      throw new WharfError({ code: 'internal', message: `Could not start ${shell} on ${hostname()}: ${(err as Error).message}` })
    }
  }

  write(data: Uint8Array | string): void {
    if (!this.finished) this.pty.write(typeof data === 'string' ? data : Buffer.from(data))
  }

  resize(cols: number, rows: number): Promise<void> {
    if (!this.finished) this.pty.resize(cols, rows)
    return Promise.resolve()
  }

  pause(): void {
    if (!this.finished) this.pty.pause()
  }

  resume(): void {
    if (!this.finished) this.pty.resume()
  }

  close(): Promise<void> {
    if (this.finished) return Promise.resolve()
    this.finish('closed', null)
    // SIGHUP, as closing a terminal window does; the shell passes it to its jobs.
    this.pty.kill('SIGHUP')
    return Promise.resolve()
  }

  private finish(reason: 'exited' | 'closed', exitCode: number | null): void {
    if (this.finished) return
    this.finished = true
    this.sink.exit({ reason, exitCode })
  }
}
