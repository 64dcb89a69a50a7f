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
