import type { ImageSummary } from '@shared/types'

/** busybox → busybox:latest; docker.io/library/busybox:1 → busybox:1 (as the engine names it). */
export function normalizeRef(ref: string): string {
  let name = ref.trim().replace(/^docker\.io\/(library\/)?/, '')
  const last = name.slice(name.lastIndexOf('/') + 1)
  if (!last.includes(':') && !name.includes('@')) name += ':latest'
  return name
}

/** Whether the engine has this image, by name or by id (prefix). */
export function hasImage(images: ImageSummary[], ref: string): boolean {
  const wanted = normalizeRef(ref)
  const hex = ref.replace(/^sha256:/, '')
  return images.some(
    (image) =>
      image.tags.some((tag) => normalizeRef(tag) === wanted) ||
      (/^[a-f0-9]{6,64}$/.test(hex) && image.id.replace(/^sha256:/, '').startsWith(hex)),
  )
}
