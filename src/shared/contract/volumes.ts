/** Volumes and storage (V1, V2, V4–V6): this domain's part of the contract (see index.ts). */
import { engineMethod, engineStream } from './spec'
import * as s from '../schemas'
import * as fs from '../fileSchemas'
import type { ListChange } from '../listChange'
import type { BindMount, StorageDriverInfo, VolumeSummary } from '../files'
import type { TaskInfo } from '../tasks'

export const volumesMethods = {
  /** Every volume with the containers using it (running or not). */
  'volumes.list': engineMethod<typeof s.empty, VolumeSummary[]>(s.empty),
  /** `docker volume create` with driver, options and labels; an existing name is refused. */
  'volumes.create': engineMethod<typeof fs.createVolumeInput, { name: string }>(fs.createVolumeInput),
  /** `docker volume rm`; volumes in use are refused, naming the containers. */
  'volumes.remove': engineMethod<typeof fs.removeVolumesInput, { removed: string[]; failed: Array<{ name: string; message: string }> }>(
    fs.removeVolumesInput,
  ),
  /** What `volumes.prune` would delete now, to show before asking. */
  'volumes.pruneCandidates': engineMethod<typeof fs.pruneVolumesInput, VolumeSummary[]>(fs.pruneVolumesInput),
  /** `docker volume prune [--all]`. */
  'volumes.prune': engineMethod<typeof fs.pruneVolumesInput, { deleted: string[]; spaceReclaimed: number }>(fs.pruneVolumesInput),
  /** The bytes a volume holds, computed on request in a helper. */
  'volumes.size': engineMethod<typeof fs.volumeRef, { name: string; bytes: number; approximate: boolean }>(fs.volumeRef),
  /** A copy of a volume into a new (or empty) one, as a task. Backup and restore are transfers (`transfers.download`, `transfers.upload`). */
  'volumes.clone': engineMethod<typeof fs.cloneVolumeInput, TaskInfo>(fs.cloneVolumeInput),
  /** V5: host paths bind-mounted into containers. */
  'volumes.bindMounts': engineMethod<typeof s.empty, BindMount[]>(s.empty),
  /** V6: the engine's storage driver and its status lines. */
  'storage.driver': engineMethod<typeof s.empty, StorageDriverInfo>(s.empty),
} as const

export const volumesStreams = {
  /** Volumes created or removed, or containers that mount them created or removed: their rows again, or the names gone. */
  'volumes.changed': engineStream<typeof s.empty, ListChange<VolumeSummary>>(s.empty),
} as const
