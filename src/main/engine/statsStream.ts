import type { Readable } from 'node:stream'
import type { StatsSample } from '../../shared/types'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'
import { createLineParser } from './eventLines'
import { WharfError } from '../../shared/errors'
import { toStatsSample, type EngineStats } from './statsSample'

const STOP_ACTIONS = new Set(['die', 'destroy'])

/**
 * Follows `GET /containers/{id}/stats?stream=true` (one frame a second from the engine)
 * and emits a computed sample per frame. The engine ends the stream when the container
 * stops; that ends the sink too. A paused container keeps its stream (its memory still counts).
 */
export function streamStats(
  engine: EngineConnection,
  id: string,
  sink: { emit(sample: StatsSample): void; end(error?: unknown): void },
): () => void {
  let closed = false
  let source: Readable | undefined
  let stopListening = (): void => undefined
  const finish = (error?: unknown): void => {
    if (closed) return
    closed = true
    stopListening()
    source?.destroy()
    sink.end(error)
  }
  void (async () => {
    const docker = await engine.client()
    const container = docker.getContainer(id)
    const info = await container.inspect()
    if (!info.State.Running) throw new WharfError({ code: 'conflict', message: `${info.Name.slice(1)} is not running` })
    // dockerd keeps a stats stream of a stopped container open (sending zeros), so the
    // container's own die event is what ends it.
    stopListening = engine.events.add((event) => {
      if (event.Type === 'container' && event.Actor.ID === info.Id && STOP_ACTIONS.has(event.Action)) finish()
    })
    const stream = (await container.stats({ stream: true })) as unknown as Readable
    if (closed) {
      stream.destroy()
      return
    }
    source = stream
    const parse = createLineParser((value) => {
      if (!closed) sink.emit(toStatsSample(value as EngineStats))
    })
    stream.on('data', (chunk: Buffer) => parse(chunk))
    stream.on('end', () => finish())
    stream.on('error', (err) => finish(toWharfError(err)))
  })().catch((err: unknown) => finish(toWharfError(err)))
  return () => {
    closed = true
    stopListening()
    source?.destroy()
  }
}
