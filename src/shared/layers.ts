/** The layer explorer's view of an image (I6): what each layer adds, changes and removes. */

export type FileKind = 'file' | 'dir' | 'symlink' | 'link' | 'other'

export interface LayerChange {
  /** Absolute path inside the image, e.g. /etc/passwd. */
  path: string
  change: 'added' | 'changed' | 'removed'
  kind: FileKind
  /** Bytes this layer stores for it (0 for removals, directories and links). */
  size: number
}

export interface LayerReport {
  index: number
  /** The Dockerfile step that made the layer, from the image's history. */
  createdBy: string
  /** Bytes of file content in the layer. */
  size: number
  counts: { added: number; changed: number; removed: number }
  /** The changes, up to a limit; `truncated` says how many more there are. */
  changes: LayerChange[]
  truncated: number
  /** Bytes of this layer's files that a later layer overwrote or removed. */
  wasted: number
}

export interface MergedFile {
  path: string
  kind: FileKind
  size: number
  /** Index of the layer the final version comes from. */
  layer: number
}

export interface LayerExplorerResult {
  layers: LayerReport[]
  /** The final image's files (the merged view a container starts from), up to a limit. */
  files: MergedFile[]
  filesTruncated: number
  totalBytes: number
  wastedBytes: number
  /** The largest wasted files: the bytes a smaller image could drop. */
  wastedFiles: Array<{ path: string; size: number; layer: number; by: number }>
}
