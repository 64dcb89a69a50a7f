/**
 * One `docker exec -it` session: a process with a TTY inside a running container.
 *
 * Closing the hijacked stream does not end an exec'd process (dockerd keeps it, moby
 * #9098), and the Engine API has no "kill exec". So every session's processes carry a
 * marker in their environment, and closing runs a second, short exec that hangs up (then
 * kills) every process bearing it — the shell and whatever it started.
 */
import { randomBytes } from 'node:crypto'
import { WharfError } from '../../shared/errors'
import type { EngineConnection } from '../engine/connection'
import { toWharfError } from '../engine/engineError'
import { waitForExecExit } from '../engine/execExit'
import type { EngineEvent } from '../engine/eventLines'
import type { TerminalExit, TerminalSink } from './backend'
import { HijackedSession } from './hijackedSession'
import { trimLeadingBlankLines } from './leadingBlankLines'

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

export const AUTO_SHELL = ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi']

const MARKER = 'WHARF_TERMINAL'

/**
 * Hang up every process whose environment holds the marker, and kill what is still there
 * a second later (a shell that ignores SIGHUP, a program that traps it).
 */
const HANG_UP = `m="${MARKER}=$1"; p=""
for d in /proc/[0-9]*; do
  if tr '\\0' '\\n' < "$d/environ" 2>/dev/null | grep -qxF "$m"; then p="$p \${d#/proc/}"; fi
done
[ -n "$p" ] || exit 0
kill -HUP $p 2>/dev/null
for i in 1 2 3 4 5 6 7 8 9 10; do
  left=""; for q in $p; do [ -d "/proc/$q" ] && left="$left $q"; done
  [ -n "$left" ] || exit 0
  sleep 0.1 2>/dev/null || sleep 1
done
kill -KILL $left 2>/dev/null; exit 0`

export class ExecSession extends HijackedSession {
  private constructor(
    engine: EngineConnection,
    containerId: string,
    containerName: string,
    sink: TerminalSink,
    private readonly execId: string,
    private readonly marker: string,
  ) {
    super(engine, containerId, containerName, sink)
  }

  static async open(engine: EngineConnection, options: ExecOptions, sink: TerminalSink): Promise<ExecSession> {
    try {
      const docker = await engine.client()
      const container = docker.getContainer(options.container)
      const info = await container.inspect()
      const name = info.Name.replace(/^\//, '')
      if (info.State.Paused) throw new WharfError({ code: 'conflict', message: `${name} is paused; unpause it to open a terminal` })
      if (!info.State.Running) throw new WharfError({ code: 'conflict', message: `${name} is not running; start it to open a terminal` })
      const marker = randomBytes(12).toString('hex')
      const exec = await container.exec({
        Cmd: options.command?.length ? options.command : AUTO_SHELL,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color', 'COLORTERM=truecolor', ...(options.env ?? []), `${MARKER}=${marker}`],
        ...(options.user ? { User: options.user } : {}),
        ...(options.workdir ? { WorkingDir: options.workdir } : {}),
      })
      const session = new ExecSession(engine, info.Id, name, sink, exec.id, marker)
      const stream = await exec.start({ hijack: true, stdin: true, Tty: true })
      const streamDone = new Promise<void>((resolve) => stream.once('end', resolve).once('close', resolve))
      const trim = trimLeadingBlankLines()
      session.attachStream(stream, (chunk) => {
        const rest = trim(chunk)
        if (rest.length) sink.data(rest)
      })
      // The first size must be set before the shell draws its prompt; later ones are best
      // effort. An exec that could not start (no such user, no such folder) ends its stream
      // at once, while dockerd holds the resize for 10 s waiting for it to start.
      await Promise.race([session.resize(options.cols, options.rows).catch(() => undefined), streamDone])
      return session
    } catch (err) {
      throw toWharfError(err)
    }
  }

  protected onContainerEvent(event: EngineEvent): void {
    if (event.Action === 'die' || event.Action === 'destroy') this.finish({ reason: 'container-stopped', exitCode: null })
  }

  protected async onStreamEnd(): Promise<TerminalExit> {
    try {
      const docker = await this.engine.client()
      // The stream can close a moment before the engine records the exit code.
      const state = await waitForExecExit(docker.getExec(this.execId), 5000)
      // Killed by a signal: maybe the whole container is going down, and the stream
      // closed before the engine marked it stopped. Its die event, if it comes now,
      // ends the session first (finish runs once).
      if (state.ExitCode === null || state.ExitCode >= 128) await new Promise((r) => setTimeout(r, 300))
      const container = await docker.getContainer(this.containerId).inspect()
      if (!container.State.Running) return { reason: 'container-stopped', exitCode: null }
      return { reason: 'exited', exitCode: state.ExitCode }
    } catch {
      return { reason: 'engine-lost', exitCode: null }
    }
  }

  async resize(cols: number, rows: number): Promise<void> {
    if (this.finished) return
    const docker = await this.engine.client()
    await docker.getExec(this.execId).resize({ w: cols, h: rows })
  }

  /** Ends the exec'd processes, not only our connection to them. */
  override async close(): Promise<void> {
    const wasRunning = !this.finished
    this.finish({ reason: 'closed', exitCode: null })
    if (wasRunning) await this.hangUp()
  }

  private async hangUp(): Promise<void> {
    try {
      const docker = await this.engine.client()
      if (!(await docker.getExec(this.execId).inspect()).Running) return
      // A stopped container took its processes with it.
      if (!(await docker.getContainer(this.containerId).inspect()).State.Running) return
      const killer = await docker.getContainer(this.containerId).exec({
        Cmd: ['/bin/sh', '-c', HANG_UP, 'wharf-hangup', this.marker],
        User: '0',
        AttachStdout: false,
        AttachStderr: false,
      })
      await killer.start({ Detach: true })
      // Closed means ended: wait for the hang-up to finish its work (it kills after 1 s at most).
      await waitForExecExit(killer, 5000)
    } catch (err) {
      // The container stopped or the engine went away: the process went with it.
      console.warn('wharf: could not end an exec session:', (err as Error).message)
    }
  }
}
