/** Swarm (E6) bound to the contract. */
import type { MethodName, StreamName } from '../../shared/contract'
import { startStackDeploy, startStackRemove } from '../compose/stackTask'
import { stackToolInfo } from '../compose/stackTool'
import { streamServiceLogs } from '../engine/swarm/logs'
import type { MethodHandlers, Prefixed, StreamHandlers } from './context'

const SWARM_EVENTS = new Set(['service', 'node', 'secret', 'config'])
/** Task containers coming and going change the running counts; these are the container events that say so. */
const TASK_ACTIONS = new Set(['start', 'die', 'destroy'])

export const swarmMethods: MethodHandlers<Prefixed<MethodName, 'swarm'>> = {
  'swarm.status': (_input, { engine }) => engine.swarm.cluster.status(),
  'swarm.init': ({ advertiseAddr, listenAddr }, { engine }) => engine.swarm.cluster.init(advertiseAddr, listenAddr),
  'swarm.join': ({ remoteAddr, token, advertiseAddr }, { engine }) => engine.swarm.cluster.join(remoteAddr, token, advertiseAddr),
  'swarm.leave': ({ force }, { engine }) => engine.swarm.cluster.leave(force),
  'swarm.nodes': (_input, { engine }) => engine.swarm.cluster.nodes(),
  'swarm.updateNode': ({ id, role, availability }, { engine }) => engine.swarm.cluster.updateNode(id, { role, availability }),
  'swarm.removeNode': ({ id }, { engine }) => engine.swarm.cluster.removeNode(id, false),
  'swarm.services': (_input, { engine }) => engine.swarm.services.list(),
  'swarm.createService': (spec, { engine }) => engine.swarm.services.create(spec),
  'swarm.scaleService': ({ id, replicas }, { engine }) => engine.swarm.services.scale(id, replicas),
  'swarm.updateImage': ({ id, image }, { engine }) => engine.swarm.services.updateImage(id, image),
  'swarm.rollbackService': ({ id }, { engine }) => engine.swarm.services.rollback(id),
  'swarm.removeService': ({ id }, { engine }) => engine.swarm.services.remove(id),
  'swarm.tasks': ({ service }, { engine }) => engine.swarm.services.tasks(service),
  'swarm.secrets': ({ kind }, { engine }) => engine.swarm.secrets.list(kind),
  'swarm.createSecret': ({ kind, name, value, labels }, { engine }) => engine.swarm.secrets.create(kind, name, value, labels),
  'swarm.removeSecret': ({ kind, id }, { engine }) => engine.swarm.secrets.remove(kind, id),
  'swarm.stackTool': ({ refresh }) => stackToolInfo(refresh),
  'swarm.stack': ({ name }, { engine }) => engine.swarm.stacks.resources(name),
  'swarm.deployStack': (input, ctx) => startStackDeploy(ctx, ctx.engine, input),
  'swarm.removeStack': ({ name }, ctx) => startStackRemove(ctx, ctx.engine, name),
}

export const swarmStreams: StreamHandlers<Prefixed<StreamName, 'swarm'>> = {
  'swarm.changed': (_input, sink, { engine }) =>
    engine.connection.events.add((event) => {
      const task = event.Type === 'container' && TASK_ACTIONS.has(event.Action) && event.Actor.Attributes['com.docker.swarm.task.id']
      if (SWARM_EVENTS.has(event.Type) || task) sink.emit({ type: event.Type, action: event.Action })
    }),
  'swarm.logs': (input, sink, { engine }) => streamServiceLogs(engine.connection, input, sink),
}
