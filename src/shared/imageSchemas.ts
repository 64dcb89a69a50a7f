/** Inputs of the image methods (see contract.ts). */
import { z } from 'zod'
import { IMAGE_REF_PATTERN } from './patterns'

/** An image id (sha256:… or a hex prefix) or a reference (name[:tag][@digest]). */
export const imageRef = z
  .string()
  .trim()
  .min(1, 'An image id or name is required')
  .max(512)
  .refine((v) => /^(sha256:)?[a-f0-9]{4,64}$/.test(v) || IMAGE_REF_PATTERN.test(v), 'Not an image id or name (e.g. nginx:1.25 or sha256:…)')

export const imageTarget = z.object({ id: imageRef }).strict()

/** A new name for an image: repository[:tag], lower-case, as `docker tag` takes it. */
export const tagInput = z
  .object({
    id: imageRef,
    reference: z
      .string()
      .trim()
      .min(1, 'A name is required')
      .max(512)
      .regex(IMAGE_REF_PATTERN, 'Not a valid image name: lower-case repository[:tag], e.g. myapp:1.0 or registry.local:5000/team/app:v2')
      .refine((v) => !v.includes('@'), 'A tag cannot carry a digest'),
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
  })
  .strict()

/** A reference to pull or push: [registry/]repository[:tag|@digest]; no tag means latest. */
export const transferInput = z
  .object({
    reference: z
      .string()
      .trim()
      .min(1, 'An image name is required')
      .max(512)
      .regex(
        IMAGE_REF_PATTERN,
        'Not a valid image name: lower-case [registry/]repository[:tag], e.g. nginx:1.27 or 127.0.0.1:5000/team/app:v2',
      ),
  })
  .strict()

export const taskRef = z.object({ id: z.number().int().min(1) }).strict()

const server = z
  .string()
  .trim()
  .min(1, 'A registry address is required')
  .max(255)
  .regex(/^[a-zA-Z0-9.-]+(:\d{1,5})?$/, 'A registry address is host[:port], e.g. registry.example.com or 127.0.0.1:5000')

export const loginInput = z
  .object({
    server,
    username: z.string().trim().min(1, 'A user name is required').max(255),
    password: z.string().min(1, 'A password or token is required').max(4096),
  })
  .strict()

export const logoutInput = z.object({ server }).strict()

/** `docker build`: a context folder on the machine running Wharf, and the usual options. */
export const buildInput = z
  .object({
    context: z.string().trim().min(1, 'A context folder is required').max(4096),
    dockerfile: z.string().trim().min(1).max(4096).default('Dockerfile'),
    tags: z
      .array(z.string().trim().max(512).regex(IMAGE_REF_PATTERN, 'Not a valid image name: lower-case repository[:tag], e.g. myapp:1.0'))
      .max(16),
    /** KEY=VALUE */
    buildArgs: z
      .array(
        z
          .string()
          .max(32 * 1024)
          .regex(/^[A-Za-z_][A-Za-z0-9_]*=/, 'A build argument is KEY=VALUE'),
      )
      .max(64),
    target: z
      .string()
      .trim()
      .max(128)
      .regex(/^[A-Za-z0-9_.-]*$/, 'A target is the name of a stage (FROM … AS name)')
      .optional(),
    noCache: z.boolean(),
    pull: z.boolean(),
  })
  .strict()

/** `docker load`: an archive on the machine running Wharf. */
export const loadInput = z.object({ path: z.string().trim().min(1, 'A file path is required').max(4096) }).strict()

export const pickPathInput = z.object({ kind: z.enum(['folder', 'archive']) }).strict()
