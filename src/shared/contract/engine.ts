/** The engine connection, and what the app asks of the system: this domain's part of the contract (see index.ts). */
import { appMethod, engineMethod, engineStream } from './spec'
import * as s from '../schemas'
import * as img from '../imageSchemas'
import type { EngineInfo, EngineStatus } from '../types'

export const engineMethods = {
  /** The current connection state, with every endpoint tried and why it failed. */
  'engine.status': engineMethod<typeof s.empty, EngineStatus>(s.empty),
  /** Detect the engine again now instead of waiting for the next back-off step. */
  'engine.retry': engineMethod<typeof s.empty, EngineStatus>(s.empty),
  /** Start `podman system service` on the user's rootless socket, then connect to it. */
  'engine.startPodman': engineMethod<typeof s.empty, EngineStatus>(s.empty),
  /** `docker info`, summarised. */
  'engine.info': engineMethod<typeof s.empty, EngineInfo>(s.empty),
  /** The desktop app's native dialog to choose a folder (build context) or an archive (load); browser mode refuses. */
  'system.pickPath': appMethod<typeof img.pickPathInput, { path: string | null }>(img.pickPathInput),
} as const

export const engineStreams = {
  /** Connection state changes of the engine; the first event is the current state. */
  'engine.status': engineStream<typeof s.empty, EngineStatus>(s.empty),
} as const
