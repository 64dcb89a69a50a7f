/** Networks (N1–N5) bound to the contract. */
import type { MethodName, StreamName } from '../../shared/contract'
import { feedChanges } from '../engine/changeFeed'
import { networkChanges } from '../engine/listChanges'
import type { MethodHandlers, Prefixed, StreamHandlers } from './context'

export const networkMethods: MethodHandlers<Prefixed<MethodName, 'networks'>> = {
  'networks.list': (_input, { engine }) => engine.networks.list(),
  'networks.create': (spec, { engine }) => engine.networks.create(spec),
  'networks.connect': ({ network, container, aliases, ipv4 }, { engine }) =>
    engine.networks.connect(network, container, aliases, ipv4 || undefined),
  'networks.disconnect': ({ network, container, force }, { engine }) => engine.networks.disconnect(network, container, force),
  'networks.remove': ({ id }, { engine }) => engine.networks.remove(id),
  'networks.prune': ({ labels }, { engine }) => engine.networks.prune(labels),
  'networks.topology': (_input, { engine }) => engine.networks.topology(),
}

export const networkStreams: StreamHandlers<Prefixed<StreamName, 'networks'>> = {
  'networks.changed': (_input, sink, { engine }) => feedChanges(engine.connection.events, networkChanges(engine), sink.emit),
}
