/** Containers (C1–C11) bound to the contract: lifecycle, create, inspect, logs, stats. */
import type { MethodName, StreamName } from '../../shared/contract'
import { streamLogs } from '../engine/logs/logStream'
import { publishedPortUrl } from '../engine/publishedPort'
import type { MethodHandlers, Prefixed, StreamHandlers } from './context'

export const containerMethods: MethodHandlers<Prefixed<MethodName, 'containers'>> = {
  'containers.list': (_input, { engine }) => engine.containers.list(),
  'containers.start': ({ id }, { engine }) => engine.containers.start(id),
  'containers.stop': ({ id, timeout }, { engine }) => engine.containers.stop(id, timeout),
  'containers.restart': ({ id, timeout }, { engine }) => engine.containers.restart(id, timeout),
  'containers.remove': ({ id, force, volumes }, { engine }) => engine.containers.remove(id, { force, volumes }),
  'containers.kill': ({ id, signal }, { engine }) => engine.containers.kill(id, signal),
  'containers.pause': ({ id }, { engine }) => engine.containers.pause(id),
  'containers.unpause': ({ id }, { engine }) => engine.containers.unpause(id),
  'containers.prune': ({ labels }, { engine }) => engine.containers.prune(labels),
  'containers.create': ({ spec, start }, { engine }) => engine.containerConfig.create(spec, start),
  'containers.inspect': ({ id }, { engine }) => engine.containerConfig.inspect(id),
  'containers.changes': ({ id }, { engine }) => engine.containerConfig.changes(id),
  'containers.update': ({ id, ...options }, { engine }) => engine.containerConfig.update(id, options),
  'containers.rename': ({ id, name }, { engine }) => engine.containerConfig.rename(id, name),
  'containers.commit': ({ id, reference, ...options }, { engine }) => engine.containerConfig.commit(id, reference, options),
  'containers.openPort': async ({ id, port, protocol }, { engine, openExternal }) => {
    const url = publishedPortUrl(await engine.containerConfig.inspect(id), port, protocol ?? 'tcp', engine.connection.getStatus().endpoint)
    if (!openExternal) return { url, opened: false }
    await openExternal(url)
    return { url, opened: true }
  },
}

export const containerStreams: StreamHandlers<Prefixed<StreamName, 'containers'>> = {
  'containers.changed': (_input, sink, { engine }) => engine.watcher.deltas.add(sink.emit),
  'containers.logs': (input, sink, { engine }) => streamLogs(engine.connection, input, sink),
  'containers.stats': ({ id }, sink, { engine }) => engine.stats.subscribe(id, sink),
}
