/** The engine connection (E1, E4), the Engine pane (E5) and the app's native dialog, bound to the contract. */
import type { MethodName, StreamName } from '../../shared/contract'
import { WharfError } from '../../shared/errors'
import { feedEngineEvents } from '../engine/eventFeed'
import { startPodmanService } from '../engine/podman'
import type { MethodHandlers, Prefixed, StreamHandlers } from './context'

export const engineMethods: MethodHandlers<Prefixed<MethodName, 'engine' | 'system' | 'builder'>> = {
  'engine.status': (_input, { engine }) => Promise.resolve(engine.connection.getStatus()),
  'engine.retry': (_input, { engine }) => engine.connection.connect(),
  'engine.startPodman': async (_input, { engine }) => {
    await startPodmanService()
    return engine.connection.connect()
  },
  'engine.info': (_input, { engine }) => engine.system.info(),
  'engine.diskUsage': (_input, { engine }) => engine.diskUsage.diskUsage(),
  'builder.pruneCandidates': ({ all }, { engine }) => engine.diskUsage.buildCachePruneCandidates(all),
  'builder.prune': ({ all }, { engine }) => engine.diskUsage.pruneBuildCache(all),
  'system.pickPath': ({ kind }, app) => {
    if (!app.pickPath) {
      return Promise.reject(
        new WharfError({ code: 'unsupported', message: 'Browser mode has no file dialog: type the path on the machine running Wharf' }),
      )
    }
    return app.pickPath(kind)
  },
}

export const engineStreams: StreamHandlers<Prefixed<StreamName, 'engine'>> = {
  'engine.status': (_input, sink, { engine }) => {
    sink.emit(engine.connection.getStatus())
    return engine.connection.statusChanged.add(sink.emit)
  },
  'engine.events': (filter, sink, { engine }) => feedEngineEvents(engine.connection.events, filter, sink),
}
