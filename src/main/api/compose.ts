/** Compose projects (E7) bound to the contract. */
import type { MethodName, StreamName } from '../../shared/contract'
import { startComposeRun } from '../compose/composeTask'
import { readComposeFile } from '../compose/composeRun'
import { composeTool, composeToolInfo } from '../compose/composeTool'
import { streamProjectLogs } from '../engine/compose/projectLogs'
import { watchProjectStarts } from '../engine/compose/projectWatch'
import type { MethodHandlers, Prefixed, StreamHandlers } from './context'

export const composeMethods: MethodHandlers<Prefixed<MethodName, 'compose'>> = {
  'compose.act': ({ project, action, service }, { engine }) => engine.compose.act(project, action, service),
  'compose.resources': ({ project }, { engine }) => engine.compose.resources(project),
  'compose.removeResources': ({ project, networks, volumes }, { engine }) => engine.compose.removeResources(project, networks, volumes),
  'compose.tool': ({ refresh }) => composeToolInfo(refresh),
  'compose.readFile': async ({ path }) => readComposeFile(path, (await composeTool())?.name),
  'compose.run': (input, ctx) => startComposeRun(ctx, ctx.engine, input),
}

export const composeStreams: StreamHandlers<Prefixed<StreamName, 'compose'>> = {
  'compose.logs': ({ project, services, tail, follow }, sink, { engine }) => {
    let close: (() => void) | undefined
    let closed = false
    // Watching for containers that start begins before the list, so none falls in between.
    const starts = follow ? watchProjectStarts(engine.connection, project, services) : undefined
    // The containers are looked up first; a close before that answers ends nothing twice.
    engine.compose.logSources(project, services).then(
      (sources) => {
        if (!closed) close = streamProjectLogs(engine.connection, sources, { tail, follow }, sink, starts)
      },
      (err: unknown) => {
        starts?.close()
        if (!closed) sink.end(err)
      },
    )
    return () => {
      closed = true
      starts?.close()
      close?.()
    }
  },
}
