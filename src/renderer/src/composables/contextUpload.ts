/**
 * Browser mode's build context upload: the files of a folder the user picked (an
 * `<input webkitdirectory>`), as one tar Blob made of tar headers and the File objects
 * themselves. A Blob of Files is a list of references, so the browser reads each file
 * from disk as the upload sends it: the page never holds the folder's bytes.
 */
import { tarParts } from '@shared/tarHeader'

export interface PickedFile {
  /** Relative to the picked folder, `/`-separated. */
  path: string
  file: File
}

/** The picked folder's name and files; a file's path drops the folder's own name, which every path starts with. */
export function folderFiles(list: FileList | null): { name: string; files: PickedFile[] } {
  const files: PickedFile[] = []
  let name = ''
  for (const file of Array.from(list ?? [])) {
    const full = file.webkitRelativePath || file.name
    const cut = full.indexOf('/')
    if (!name) name = cut === -1 ? full : full.slice(0, cut)
    files.push({ path: cut === -1 ? full : full.slice(cut + 1), file })
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { name, files }
}

/** Paths that look like Dockerfiles first (Dockerfile, *.Dockerfile, Containerfile), then the rest. */
export function dockerfileChoices(files: PickedFile[]): string[] {
  const looks = (p: string): boolean => /(^|\/)(Dockerfile|Containerfile)([.-][^/]*)?$|\.[Dd]ockerfile$/.test(p)
  const paths = files.map((f) => f.path)
  return [...paths.filter(looks), ...paths.filter((p) => !looks(p))]
}

/**
 * The tar. Every file is sent as rwxr-xr-x: a browser cannot read file modes, and a
 * script the Dockerfile runs must stay executable (the docker CLI on Windows does the same).
 */
export function contextBlob(files: PickedFile[]): Blob {
  const parts = tarParts(files.map(({ path, file }) => ({ path, body: file, mtime: file.lastModified / 1000, mode: 0o755 })))
  return new Blob(parts as BlobPart[], { type: 'application/x-tar' })
}
