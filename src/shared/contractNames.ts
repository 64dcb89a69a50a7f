/**
 * The contract's names alone, without a schema or any import. The desktop preload runs
 * in Electron's sandbox, where `require` reaches only `electron` (and `events`, `timers`,
 * `url`): it must build its bridge from this file and nothing heavier. contract.ts
 * checks at compile time that its methods, streams and signals are exactly these.
 */
export const METHOD_NAMES = [
  'engine.status',
  'engine.retry',
  'engine.startPodman',
  'engine.info',
  'engine.diskUsage',
  'builder.pruneCandidates',
  'builder.prune',
  'system.pickPath',
  'engines.list',
  'engines.contexts',
  'engines.test',
  'engines.add',
  'engines.remove',
  'engines.rename',
  'engines.setDefault',
  'engines.trustHostKey',
  'settings.get',
  'settings.update',
  'containers.list',
  'containers.start',
  'containers.stop',
  'containers.restart',
  'containers.remove',
  'containers.kill',
  'containers.pause',
  'containers.unpause',
  'containers.prune',
  'containers.create',
  'containers.inspect',
  'containers.changes',
  'containers.update',
  'containers.rename',
  'containers.commit',
  'images.list',
  'images.inspect',
  'images.history',
  'images.layers',
  'images.tag',
  'images.remove',
  'images.pruneCandidates',
  'images.prune',
  'images.pull',
  'images.search',
  'images.build',
  'images.load',
  'images.push',
  'networks.list',
  'networks.create',
  'networks.connect',
  'networks.disconnect',
  'networks.remove',
  'networks.prune',
  'networks.topology',
  'volumes.list',
  'volumes.create',
  'volumes.remove',
  'volumes.pruneCandidates',
  'volumes.prune',
  'volumes.size',
  'volumes.clone',
  'volumes.bindMounts',
  'storage.driver',
  'files.list',
  'files.read',
  'files.makeFolder',
  'files.rename',
  'files.remove',
  'transfers.download',
  'transfers.upload',
  'registries.login',
  'registries.logout',
  'registries.list',
  'tasks.list',
  'tasks.cancel',
  'tasks.dismiss',
  'terminals.exec',
  'terminals.attach',
  'terminals.host',
  'terminals.list',
  'terminals.close',
] as const

export const STREAM_NAMES = [
  'engine.status',
  'engine.events',
  'engines.changed',
  'containers.changed',
  'containers.logs',
  'containers.stats',
  'tasks.changed',
  'images.changed',
  'volumes.changed',
  'networks.changed',
  'terminals.output',
] as const

export const SIGNAL_NAMES = ['terminals.input', 'terminals.resize', 'terminals.ack'] as const

export type MethodName = (typeof METHOD_NAMES)[number]
export type StreamName = (typeof STREAM_NAMES)[number]
export type SignalName = (typeof SIGNAL_NAMES)[number]

/** The desktop transport's IPC channels (main's ipcTransport and the preload share them). */
export const IPC_CHANNELS = {
  call: 'wharf:call',
  subscribe: 'wharf:sub',
  unsubscribe: 'wharf:unsub',
  /** Fire-and-forget (contract `signals`): ipcRenderer.send, never answered. */
  signal: 'wharf:signal',
  event: 'wharf:event',
  end: 'wharf:end',
} as const

/** The desktop app's scheme for streamed downloads and uploads: `wharf-download://app/download/<ticket>`. */
export const TRANSFER_SCHEME = 'wharf-download'
