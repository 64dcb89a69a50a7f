/** Volumes and storage (V1, V2, V4–V6) and the content browser (V3, C9) bound to the contract. */
import type { MethodName, StreamName } from '../../shared/contract'
import { feedChanges } from '../engine/changeFeed'
import { volumeChanges } from '../engine/listChanges'
import type { MethodHandlers, Prefixed, StreamHandlers } from './context'

export const volumeMethods: MethodHandlers<Prefixed<MethodName, 'volumes' | 'storage' | 'files'>> = {
  'volumes.list': (_input, { engine }) => engine.volumes.list(),
  'volumes.create': (spec, { engine }) => engine.volumes.create(spec),
  'volumes.remove': ({ names }, { engine }) => engine.volumes.remove(names),
  'volumes.pruneCandidates': ({ all, labels }, { engine }) => engine.volumes.pruneCandidates(all, labels),
  'volumes.prune': ({ all, labels }, { engine }) => engine.volumes.prune(all, labels),
  'volumes.size': ({ name }, { engine }) => engine.volumes.size(name),
  'volumes.clone': ({ from, to }, { engine }) => Promise.resolve(engine.fileTransfer.clone(from, to)),
  'volumes.bindMounts': (_input, { engine }) => engine.volumes.bindMounts(),
  'storage.driver': (_input, { engine }) => engine.system.storageDriver(),
  'files.list': ({ target, path }, { engine }) => engine.files.list(target, path),
  'files.read': ({ target, path, limit }, { engine }) => engine.files.read(target, path, limit),
  'files.makeFolder': ({ target, path, name }, { engine }) => engine.files.makeFolder(target, path, name),
  'files.rename': ({ target, path, name }, { engine }) => engine.files.rename(target, path, name),
  'files.remove': ({ target, paths }, { engine }) => engine.files.remove(target, paths),
}

export const volumeStreams: StreamHandlers<Prefixed<StreamName, 'volumes'>> = {
  'volumes.changed': (_input, sink, { engine }) => feedChanges(engine.connection.events, volumeChanges(engine), sink.emit),
}
