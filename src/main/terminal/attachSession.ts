/**
 * `docker attach`: the container's main process, not a new one. With a TTY the stream is
 * raw bytes and typing reaches the process; dockerd watches stdin for the detach keys and
 * closes the stream when they are typed, leaving the container running. Without a TTY the
 * stream is multiplexed stdout/stderr and the session is read-only: typing would go to a
 * stdin the process may not read, and the seeds' `docker attach` on such a container
 * only shows output.
 */
import type { Duplex } from 'node:stream'
import { WharfError } from '../../shared/errors'
import { DEFAULT_DETACH_KEYS } from '../../shared/terminal'
import type { EngineConnection } from '../engine/connection'
import { toWharfError } from '../engine/engineError'
import type { EngineEvent } from '../engine/eventLines'
import { FrameDemuxer } from '../engine/logs/demux'
import type { TerminalExit, TerminalSink } from './backend'
import { HijackedSession } from './hijackedSession'

export interface AttachOptions {
  container: string
  detachKeys?: string
  cols: number
  rows: number
}

export class AttachSession extends HijackedSession {
  private exitCode: number | null = null

  private constructor(
    engine: EngineConnection,
    containerId: string,
    containerName: string,
    sink: TerminalSink,
    readonly tty: boolean,
    readonly command: string,
  ) {
    super(engine, containerId, containerName, sink)
  }

  static async open(engine: EngineConnection, options: AttachOptions, sink: TerminalSink): Promise<AttachSession> {
    try {
      const docker = await engine.client()
      const container = docker.getContainer(options.container)
      const info = await container.inspect()
      const name = info.Name.replace(/^\//, '')
      if (!info.State.Running) throw new WharfError({ code: 'conflict', message: `${name} is not running; start it to attach` })
      const tty = info.Config.Tty
      const command = [...(info.Config.Entrypoint ?? []), ...(info.Config.Cmd ?? [])].join(' ')
      const session = new AttachSession(engine, info.Id, name, sink, tty, command)
      const stream = (await container.attach({
        stream: true,
        stdin: tty,
        stdout: true,
        stderr: true,
        hijack: true,
        detachKeys: options.detachKeys ?? DEFAULT_DETACH_KEYS,
      })) as Duplex
      if (tty) {
        session.attachStream(stream)
        await session.resize(options.cols, options.rows).catch(() => undefined)
      } else {
        const demuxer = new FrameDemuxer((_type, payload) => sink.data(Buffer.from(payload)))
        session.attachStream(stream, (chunk) => demuxer.push(chunk))
      }
      return session
    } catch (err) {
      throw toWharfError(err)
    }
  }

  override write(data: Uint8Array | string): void {
    if (this.tty) super.write(data)
  }

  protected onContainerEvent(event: EngineEvent): void {
    if (event.Action === 'die') {
      const code = Number(event.Actor.Attributes?.exitCode)
      this.exitCode = Number.isInteger(code) ? code : null
      this.finish({ reason: 'exited', exitCode: this.exitCode })
    } else if (event.Action === 'destroy') {
      this.finish({ reason: 'container-stopped', exitCode: null })
    }
  }

  /** The stream closed: either the detach keys, or the process ended (its die event may lag). */
  protected async onStreamEnd(): Promise<TerminalExit> {
    try {
      const docker = await this.engine.client()
      const state = (await docker.getContainer(this.containerId).inspect()).State
      if (state.Running && !state.Restarting) return { reason: 'detached', exitCode: null }
      return { reason: 'exited', exitCode: state.ExitCode }
    } catch {
      return { reason: 'engine-lost', exitCode: null }
    }
  }

  async resize(cols: number, rows: number): Promise<void> {
    if (this.finished || !this.tty) return
    const docker = await this.engine.client()
    await docker.getContainer(this.containerId).resize({ w: cols, h: rows })
  }
}
