/**
 * Streamed downloads and uploads are contract methods like any other: the renderer asks
 * for one with a validated description and gets a one-time ticket, then streams the
 * bytes over HTTP (browser mode: /download/<ticket>, /upload/<ticket>) or the desktop's
 * wharf-download: scheme. A request without a live ticket does nothing, so a page on
 * another site (or another local port, which shares the cookie) cannot start work.
 */
import { z } from 'zod'
import { checkName } from './filePaths'
import { fileTarget, relPath, volumeName } from './fileSchemas'
import { buildInput, imageRef } from './imageSchemas'
import { containerRef } from './schemas'

/** The largest single file an upload takes. */
export const MAX_UPLOAD_FILE_BYTES = 64 * 1024 ** 3

export const downloadInput = z.discriminatedUnion('kind', [
  /** The whole log as `docker logs` prints it. */
  z.object({ kind: z.literal('logs'), id: containerRef, timestamps: z.boolean() }).strict(),
  /** `docker save` of one to 32 images. */
  z.object({ kind: z.literal('images'), names: z.array(imageRef).min(1).max(32) }).strict(),
  /** A file as itself, a folder as a tar. */
  z.object({ kind: z.literal('files'), target: fileTarget, path: relPath }).strict(),
  /** A volume's contents as .tar or .tar.gz. */
  z.object({ kind: z.literal('volumeBackup'), name: volumeName, gzip: z.boolean() }).strict(),
])

/** A file's path below the upload folder: sub-folders allowed (a dropped folder), each part a valid name. */
const uploadFile = relPath.superRefine((path, ctx) => {
  if (!path) ctx.addIssue({ code: 'custom', message: 'Name the file' })
  const problem = path.split('/').map(checkName).find(Boolean)
  if (problem) ctx.addIssue({ code: 'custom', message: `Not a valid file name: ${path} (${problem})` })
})

/** What the user picked, to name the task: free text, shown only. */
const uploadName = z.string().trim().min(1).max(255)

export const uploadInput = z.discriminatedUnion('kind', [
  /** One file into `dir`; `size` is checked against what arrives. */
  z
    .object({
      kind: z.literal('files'),
      target: fileTarget,
      dir: relPath,
      file: uploadFile,
      size: z.number().int().min(0).max(MAX_UPLOAD_FILE_BYTES),
    })
    .strict(),
  /** A .tar or .tar.gz, checked whole, then extracted into `dir`. */
  z.object({ kind: z.literal('extract'), target: fileTarget, dir: relPath }).strict(),
  /** A backup into a new or empty volume. */
  z.object({ kind: z.literal('restore'), volume: volumeName }).strict(),
  /**
   * A build context from the browser: a tar the page makes of the folder the user picked,
   * unpacked into a temporary folder on this machine and built from there (the folder is
   * removed when the build ends). `name` is the picked folder's, to name the task.
   */
  z
    .object({
      kind: z.literal('buildContext'),
      name: uploadName,
      build: buildInput.omit({ context: true }).extend({ dockerfile: relPath.pipe(z.string().min(1)) }),
    })
    .strict(),
  /** `docker load` of an image archive (.tar or .tar.gz) the browser sends, streamed to the engine as it arrives. */
  z.object({ kind: z.literal('imageArchive'), name: uploadName }).strict(),
])

export type DownloadSpec = z.output<typeof downloadInput>
export type UploadSpec = z.output<typeof uploadInput>

export interface TransferTicket {
  /** One use, within a minute; the path to request is `download/<ticket>` or `upload/<ticket>`. */
  ticket: string
}
