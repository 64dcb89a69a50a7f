/** Inputs of the image methods (see contract.ts). */
import { z } from 'zod'
import { fieldText } from './fieldText'
import { IMAGE_NAME_MAX, IMAGE_REF_PATTERN, imageNameLength } from './patterns'
import { pruneLabels } from './schemas'

const nameNotTooLong = (v: string): boolean => imageNameLength(v) <= IMAGE_NAME_MAX
const NAME_TOO_LONG = fieldText('imageNameLong')

/** An image id (sha256:… or a hex prefix) or a reference (name[:tag][@digest]). */
export const imageRef = z
  .string()
  .trim()
  .min(1, fieldText('imageIdRequired'))
  .max(512)
  .refine((v) => /^(sha256:)?[a-f0-9]{4,64}$/.test(v) || IMAGE_REF_PATTERN.test(v), fieldText('imageIdOrName'))

export const imageTarget = z.object({ id: imageRef }).strict()

/** A new name for an image: repository[:tag], lower-case, as `docker tag` takes it. */
export const tagInput = z
  .object({
    id: imageRef,
    reference: z
      .string()
      .trim()
      .min(1, fieldText('tagRequired'))
      .max(512)
      .regex(IMAGE_REF_PATTERN, fieldText('tagName'))
      .refine(nameNotTooLong, NAME_TOO_LONG)
      .refine((v) => !v.includes('@'), fieldText('tagDigest')),
  })
  .strict()

export const removeImageInput = z
  .object({
    /** An id removes the image (every tag with force); a name:tag removes that tag only when others remain. */
    id: imageRef,
    force: z.boolean().optional(),
  })
  .strict()

export const pruneImagesInput = z
  .object({
    /** false: dangling images only (`docker image prune`); true: every image no container uses (`-a`). */
    all: z.boolean(),
    /** Only images carrying these labels. */
    labels: pruneLabels,
  })
  .strict()

/** A reference to pull or push: [registry/]repository[:tag|@digest]; no tag means latest. */
export const transferInput = z
  .object({
    reference: z
      .string()
      .trim()
      .min(1, fieldText('imageNameRequired'))
      .max(512)
      .regex(IMAGE_REF_PATTERN, fieldText('imageName'))
      .refine(nameNotTooLong, NAME_TOO_LONG),
  })
  .strict()

export const taskRef = z.object({ id: z.number().int().min(1) }).strict()

const server = z
  .string()
  .trim()
  .min(1, fieldText('registryRequired'))
  .max(255)
  .regex(/^[a-zA-Z0-9.-]+(:\d{1,5})?$/, fieldText('registryAddress'))

export const loginInput = z
  .object({
    server,
    username: z.string().trim().min(1, fieldText('userRequired')).max(255),
    password: z.string().min(1, fieldText('passwordRequired')).max(4096),
  })
  .strict()

export const logoutInput = z.object({ server }).strict()

/** `docker build`: a context folder on the machine running Wharf, and the usual options. */
export const buildInput = z
  .object({
    context: z.string().trim().min(1, fieldText('contextRequired')).max(4096),
    dockerfile: z.string().trim().min(1).max(4096).default('Dockerfile'),
    tags: z.array(z.string().trim().max(512).regex(IMAGE_REF_PATTERN, fieldText('buildTag')).refine(nameNotTooLong, NAME_TOO_LONG)).max(16),
    /** KEY=VALUE */
    buildArgs: z
      .array(
        z
          .string()
          .max(32 * 1024)
          .regex(/^[A-Za-z_][A-Za-z0-9_]*=/, fieldText('buildArg')),
      )
      .max(64),
    target: z
      .string()
      .trim()
      .max(128)
      .regex(/^[A-Za-z0-9_.-]*$/, fieldText('buildTarget'))
      .optional(),
    noCache: z.boolean(),
    pull: z.boolean(),
  })
  .strict()

/** `docker load`: an archive on the machine running Wharf. */
export const loadInput = z.object({ path: z.string().trim().min(1, fieldText('filePathRequired')).max(4096) }).strict()

export const pickPathInput = z.object({ kind: z.enum(['folder', 'archive', 'compose']) }).strict()

export const searchInput = z
  .object({
    /** What the user typed: a name to look up on Docker Hub, or host[:port]/repo[:tag] for a registry's catalog. */
    term: z.string().trim().min(2).max(256),
  })
  .strict()
