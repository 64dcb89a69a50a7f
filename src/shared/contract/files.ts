/** The content browser of volumes and containers (V3, C9): this domain's part of the contract (see index.ts). */
import { engineMethod } from './spec'
import * as fs from '../fileSchemas'
import type { FileListing, FilePreview } from '../files'

export const filesMethods = {
  /** A folder of a volume or container. Paths are relative and never leave the root. */
  'files.list': engineMethod<typeof fs.listFilesInput, FileListing>(fs.listFilesInput),
  /** The first bytes of a file, for the previews. */
  'files.read': engineMethod<typeof fs.readFileInput, FilePreview>(fs.readFileInput),
  'files.makeFolder': engineMethod<typeof fs.makeFolderInput, { path: string }>(fs.makeFolderInput),
  'files.rename': engineMethod<typeof fs.renameFileInput, { path: string }>(fs.renameFileInput),
  'files.remove': engineMethod<typeof fs.removeFilesInput, { removed: string[] }>(fs.removeFilesInput),
} as const
