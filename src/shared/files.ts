/** Volume and container contents (issue 6, V1–V5, C9): what the browser shows. */

/** Whose files: a named volume, or a container's whole filesystem. */
export type FileTarget = { kind: 'volume'; name: string } | { kind: 'container'; id: string }

export type FileType = 'file' | 'dir' | 'link' | 'other'

export interface FileEntry {
  name: string
  type: FileType
  size: number
  /** Permission bits as `ls -l` prints them, e.g. `drwxr-xr-x`. */
  modeText: string
  uid?: number
  gid?: number
  owner?: string
  group?: string
  /** Milliseconds since the epoch. */
  mtime: number
  linkTarget?: string
}

export type FileLimit = 'no-shell-image' | 'container-no-shell' | 'container-stopped'

/** The image a volume's helper container runs from: chosen by content, shown so the user knows. */
export interface HelperImage {
  /** The image ID (the decision is kept by ID, not by tag). */
  id: string
  /** A tag of it, for people. */
  name: string
}

export interface FileListing {
  /** Relative to the volume (or `/` of the container); '' is the root. */
  path: string
  entries: FileEntry[]
  /**
   * How the listing was read: `exec` ran find/stat in a helper (or the container),
   * `archive` read tar headers because no shell was available.
   */
  via: 'exec' | 'archive'
  /** The archive listing stopped early on a very large folder. */
  truncated: boolean
  /** Rename and delete need a shell; false says why in `limit`. */
  canModify: boolean
  /**
   * Why the browser is limited here, for the page to explain in the user's language: no
   * image on the engine has a shell (volumes), the container has none, or it is stopped.
   */
  limit?: FileLimit
  /** For a volume: the image its helper runs from (Wharf's own empty image when none has a shell). */
  helperImage?: HelperImage
}

export interface FilePreview {
  path: string
  size: number
  /** Only the first `limit` bytes were read. */
  truncated: boolean
  /** The bytes read, base64. */
  data: string
}

export interface VolumeSummary {
  name: string
  driver: string
  mountpoint: string
  created: string
  scope: string
  labels: Record<string, string>
  options: Record<string, string>
  /** Containers with the volume mounted, running or not. */
  usedBy: Array<{ id: string; name: string; running: boolean; destination: string }>
  /** No container mounts it. */
  dangling: boolean
}

export interface BindMount {
  source: string
  containers: Array<{ id: string; name: string; destination: string; readOnly: boolean; running: boolean }>
}

export interface StorageDriverInfo {
  driver: string
  /** `docker info`'s DriverStatus pairs (backing filesystem, d_type, …). */
  status: Array<[string, string]>
  dockerRootDir: string
}
