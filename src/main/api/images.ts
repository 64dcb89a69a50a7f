/** Images (I1–I8) and registry logins bound to the contract. */
import type { MethodName, StreamName } from '../../shared/contract'
import { feedChanges } from '../engine/changeFeed'
import { imageChanges } from '../engine/listChanges'
import type { MethodHandlers, Prefixed, StreamHandlers } from './context'
import { keyValues } from './keyValues'
import { searchImages } from '../registry/imageSearch'

export const imageMethods: MethodHandlers<Prefixed<MethodName, 'images' | 'registries'>> = {
  'images.list': (_input, { engine }) => engine.images.list(),
  'images.inspect': ({ id }, { engine }) => engine.images.inspect(id),
  'images.history': ({ id }, { engine }) => engine.images.history(id),
  'images.layers': ({ id }, { engine }) => engine.images.layers(id),
  'images.tag': ({ id, reference }, { engine }) => engine.images.tag(id, reference),
  'images.remove': ({ id, force }, { engine }) => engine.images.remove(id, force),
  'images.pruneCandidates': ({ all, labels }, { engine }) => engine.images.pruneCandidates(all, labels),
  'images.prune': ({ all, labels }, { engine }) => engine.images.prune(all, labels),
  'images.pull': ({ reference }, { engine }) => Promise.resolve(engine.transfer.pull(reference)),
  'images.search': ({ term }, app) =>
    searchImages(
      term,
      () => app.engine.connection.client(),
      (server) => app.credentials.get(server),
    ),
  'images.push': ({ reference }, { engine }) => Promise.resolve(engine.transfer.push(reference)),
  'images.load': ({ path }, { engine }) => engine.transfer.load(path),
  'images.build': ({ buildArgs, ...options }, { engine }) =>
    engine.build.build({ ...options, dockerfile: options.dockerfile ?? 'Dockerfile', buildArgs: keyValues(buildArgs) }),
  // Logins are the app's (per registry); the engine checks them with the registry.
  'registries.login': ({ server, username, password }, { engine }) => engine.transfer.login(server, username, password),
  'registries.logout': async ({ server }, app) => {
    await app.credentials.remove(server)
    return { server }
  },
  'registries.list': (_input, app) => app.credentials.list(),
}

export const imageStreams: StreamHandlers<Prefixed<StreamName, 'images'>> = {
  'images.changed': (_input, sink, { engine }) => feedChanges(engine.connection.events, imageChanges(engine), sink.emit),
}
