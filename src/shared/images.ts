/** Image data beyond the list row: details, history, and what removals did. */

/** One layer-creating step of `docker history`. */
export interface HistoryEntry {
  /** The layer's image id, or '' for steps of an image that was pulled ("<missing>"). */
  id: string
  /** Seconds since the epoch. */
  created: number
  /** The Dockerfile step ("/bin/sh -c #(nop) COPY file:… in /"), as the engine recorded it. */
  createdBy: string
  size: number
  tags: string[]
  comment: string
}

/** `docker image inspect`, the parts the details page shows. */
export interface ImageDetail {
  id: string
  tags: string[]
  digests: string[]
  parent: string
  comment: string
  created: string
  author: string
  architecture: string
  os: string
  size: number
  /** Storage driver and its directories (lower/upper/merged …). */
  graphDriver: { name: string; data: Record<string, string> }
  /** Layer digests of the root filesystem, bottom first. */
  layers: string[]
  config: {
    cmd: string[]
    entrypoint: string[]
    env: string[]
    exposedPorts: string[]
    volumes: string[]
    workdir: string
    user: string
    labels: Record<string, string>
    stopSignal: string
  }
}

export interface ImageRemoveResult {
  untagged: string[]
  deleted: string[]
}

export interface ImagePruneResult {
  deleted: string[]
  spaceReclaimed: number
}
