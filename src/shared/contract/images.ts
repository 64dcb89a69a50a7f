/** Images (I1–I8) and registry logins: this domain's part of the contract (see index.ts). */
import { appMethod, engineMethod, engineStream } from './spec'
import * as s from '../schemas'
import * as img from '../imageSchemas'
import type { ListChange } from '../listChange'
import type { ImageSummary } from '../types'
import type { HistoryEntry, ImageDetail, ImagePruneResult, ImageRemoveResult } from '../images'
import type { LayerExplorerResult } from '../layers'
import type { TaskInfo } from '../tasks'
import type { ImageSearchResult } from '../imageSearch'

export const imagesMethods = {
  /** Images on the engine (`docker images`), without intermediate layers, with the containers using each. */
  'images.list': engineMethod<typeof s.empty, ImageSummary[]>(s.empty),
  /** `docker image inspect`: tags, digests, platform, layers, and the config a container starts from. */
  'images.inspect': engineMethod<typeof img.imageTarget, ImageDetail>(img.imageTarget),
  /** `docker history`: each step that made a layer, newest first. */
  'images.history': engineMethod<typeof img.imageTarget, HistoryEntry[]>(img.imageTarget),
  /** The layer explorer: per layer the files added, changed and removed, the merged tree, and wasted bytes. */
  'images.layers': engineMethod<typeof img.imageTarget, LayerExplorerResult>(img.imageTarget),
  /** `docker tag`: another name for the same image. */
  'images.tag': engineMethod<typeof img.tagInput, { tagged: string }>(img.tagInput),
  /** `docker rmi`: by name removes that tag (the image goes with its last tag); by id removes the image. */
  'images.remove': engineMethod<typeof img.removeImageInput, ImageRemoveResult>(img.removeImageInput),
  /** The images `images.prune` would remove now, to show before asking. */
  'images.pruneCandidates': engineMethod<typeof img.pruneImagesInput, ImageSummary[]>(img.pruneImagesInput),
  /** `docker image prune [-a]`. */
  'images.prune': engineMethod<typeof img.pruneImagesInput, ImagePruneResult>(img.pruneImagesInput),
  /** `docker pull`, as a task with per-layer progress; credentials from `registries.login` apply. */
  'images.pull': engineMethod<typeof img.transferInput, TaskInfo>(img.transferInput),
  /** Image suggestions: a registry's catalog when the term names one, else Docker Hub through the engine; places that could not be searched come back with their reason. */
  'images.search': engineMethod<typeof img.searchInput, ImageSearchResult>(img.searchInput),
  /** `docker build` from a folder on the machine running Wharf, as a task with the build log. */
  'images.build': engineMethod<typeof img.buildInput, TaskInfo>(img.buildInput),
  /** `docker load` of a .tar from the machine running Wharf, as a task. (`docker save` is a `transfers.download`.) */
  'images.load': engineMethod<typeof img.loadInput, TaskInfo>(img.loadInput),
  /** `docker push`, as a task with per-layer progress. */
  'images.push': engineMethod<typeof img.transferInput, TaskInfo>(img.transferInput),
  /** `docker login`: checked with the registry through the engine, then kept by the docker credential helper configured for it, else in memory only. */
  'registries.login': engineMethod<typeof img.loginInput, { server: string; username: string; store: string; status: string }>(
    img.loginInput,
  ),
  /** `docker logout`: forgets the credentials (erasing them from the credential helper that holds them). */
  'registries.logout': appMethod<typeof img.logoutInput, { server: string }>(img.logoutInput),
  /** Registries Wharf holds credentials for (user names only). */
  'registries.list': appMethod<typeof s.empty, Array<{ server: string; username: string; store: string }>>(s.empty),
} as const

export const imagesStreams = {
  /** Images changed (pull, tag, untag, delete, load, build, a container created or removed): their rows again, or the ids gone. */
  'images.changed': engineStream<typeof s.empty, ListChange<ImageSummary>>(s.empty),
} as const
