import type { MethodInput, MethodName, MethodOutput, StreamEvent, StreamName } from '../../shared/contract'
import type { ContainersService } from '../engine/containers'
import type { ContainerWatcher } from '../engine/containerWatcher'
import type { EngineConnection } from '../engine/connection'
import type { SystemService } from '../engine/system'
import { startPodmanService } from '../engine/podman'

export interface Services {
  engine: EngineConnection
  containers: ContainersService
  watcher: ContainerWatcher
  system: SystemService
}

type Handlers = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> }
type StreamHandlers = {
  [S in StreamName]: (emit: (event: StreamEvent<S>) => void) => () => void
}

/** Binds each contract method to a service call. Inputs arrive already validated. */
export function createHandlers(s: Services): Handlers {
  return {
    'engine.status': () => Promise.resolve(s.engine.getStatus()),
    'engine.retry': () => s.engine.connect(),
    'engine.startPodman': async () => {
      await startPodmanService()
      return s.engine.connect()
    },
    'engine.info': () => s.system.info(),
    'containers.list': () => s.containers.list(),
    'containers.start': ({ id }) => s.containers.start(id),
    'containers.stop': ({ id, timeout }) => s.containers.stop(id, timeout),
    'containers.restart': ({ id, timeout }) => s.containers.restart(id, timeout),
    'containers.remove': ({ id, force, volumes }) => s.containers.remove(id, { force, volumes }),
    'containers.kill': ({ id, signal }) => s.containers.kill(id, signal),
    'containers.pause': ({ id }) => s.containers.pause(id),
    'containers.unpause': ({ id }) => s.containers.unpause(id),
    'containers.prune': ({ labels }) => s.containers.prune(labels),
  }
}

export function createStreamHandlers(s: Services): StreamHandlers {
  return {
    'engine.status': (emit) => {
      emit(s.engine.getStatus())
      return s.engine.statusChanged.add(emit)
    },
    'containers.changed': (emit) => s.watcher.deltas.add(emit),
  }
}
