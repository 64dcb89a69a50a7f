/** Inputs of the volume and file-browser methods (issue 6, V1–V5, C9). */
import { z } from 'zod'
import { checkName, normalizeRelPath, PathRefused } from './filePaths'
import { FIELD_TEXT } from './fieldText'
import { containerRef, pruneLabels } from './schemas'

export const volumeName = z
  .string()
  .trim()
  .min(1, FIELD_TEXT.volumeNameRequired)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, FIELD_TEXT.volumeName)

export const volumeRef = z.object({ name: volumeName }).strict()

const keyValue = z
  .string()
  .max(4096)
  .regex(/^[^=\s][^=]*=/, FIELD_TEXT.keyValue)

export const createVolumeInput = z
  .object({
    name: z.union([volumeName, z.literal('')]),
    driver: z.string().trim().min(1).max(255),
    options: z.array(keyValue).max(64),
    labels: z.array(keyValue).max(64),
  })
  .strict()

export const removeVolumesInput = z.object({ names: z.array(volumeName).min(1).max(256), force: z.boolean() }).strict()

export const pruneVolumesInput = z
  .object({
    /** false: anonymous volumes only (`docker volume prune`); true: named ones too (`--all`). */
    all: z.boolean(),
    /** Only volumes carrying these labels. */
    labels: pruneLabels,
  })
  .strict()

export const fileTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('volume'), name: volumeName }).strict(),
  z.object({ kind: z.literal('container'), id: containerRef }).strict(),
])

/** Relative to the target's root; `..` refused, so nothing can name a path outside. */
export const relPath = z
  .string()
  .max(4096)
  .transform((p, ctx) => {
    try {
      return normalizeRelPath(p)
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof PathRefused ? err.message : 'Not a valid path' })
      return z.NEVER
    }
  })

export const newName = z.string().superRefine((n, ctx) => {
  const problem = checkName(n)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

export const listFilesInput = z.object({ target: fileTarget, path: relPath }).strict()
export const readFileInput = z
  .object({
    target: fileTarget,
    path: relPath,
    limit: z
      .number()
      .int()
      .min(1)
      .max(8 * 1024 * 1024),
  })
  .strict()
export const makeFolderInput = z.object({ target: fileTarget, path: relPath, name: newName }).strict()
export const renameFileInput = z.object({ target: fileTarget, path: relPath, name: newName }).strict()
export const removeFilesInput = z.object({ target: fileTarget, paths: z.array(relPath).min(1).max(1000) }).strict()
export const cloneVolumeInput = z.object({ from: volumeName, to: volumeName }).strict()
