/**
 * The part exec and attach sessions share: a hijacked Engine API stream carrying a TTY,
 * read as bytes, paused for back-pressure, and ended exactly once — by the process, by
 * the container stopping (engine event), by the engine going away (status change, or a
 * stream error), or by the user.
 */
import type { Duplex } from 'node:stream'
import type { EngineConnection } from '../engine/connection'
import type { EngineEvent } from '../engine/eventLines'
import type { TerminalBackend, TerminalExit, TerminalSink } from './backend'

export abstract class HijackedSession implements TerminalBackend {
  protected stream?: Duplex
  protected finished = false
  private readonly unsubscribe: (() => void)[] = []

  protected constructor(
    protected readonly engine: EngineConnection,
    readonly containerId: string,
    readonly containerName: string,
    protected readonly sink: TerminalSink,
  ) {
    this.unsubscribe.push(
      engine.events.add((event) => {
        if (event.Type === 'container' && event.Actor.ID === containerId) this.onContainerEvent(event)
      }),
      engine.statusChanged.add((status) => {
        if (status.state !== 'connected') this.finish({ reason: 'engine-lost', exitCode: null })
      }),
    )
  }

  /** A lifecycle event of our container (die, destroy, …). */
  protected abstract onContainerEvent(event: EngineEvent): void
  /** The stream ended without us closing it: find out why. */
  protected abstract onStreamEnd(): Promise<TerminalExit>

  protected attachStream(stream: Duplex, onData: (chunk: Buffer) => void = (chunk) => this.sink.data(chunk)): void {
    this.stream = stream
    stream.on('data', (chunk: Buffer) => {
      if (!this.finished) onData(chunk)
    })
    const ended = (): void => {
      if (this.finished) return
      void this.onStreamEnd().then((exit) => this.finish(exit))
    }
    stream.on('end', ended)
    stream.on('close', ended)
    stream.on('error', () => this.finish({ reason: 'engine-lost', exitCode: null }))
  }

  write(data: Uint8Array | string): void {
    if (!this.finished && this.stream?.writable) this.stream.write(data)
  }

  abstract resize(cols: number, rows: number): Promise<void>

  pause(): void {
    this.stream?.pause()
  }

  resume(): void {
    this.stream?.resume()
  }

  async close(): Promise<void> {
    this.finish({ reason: 'closed', exitCode: null })
    return Promise.resolve()
  }

  protected finish(exit: TerminalExit): void {
    if (this.finished) return
    this.finished = true
    for (const off of this.unsubscribe) off()
    this.stream?.destroy()
    this.sink.exit(exit)
  }
}
