/**
 * The image list as `docker images` shows it: one row per name (repository:tag), and one
 * row for an untagged image. Removing a row removes that name; the image goes with its
 * last name (or at once, for an untagged one, by id).
 */
import type { ImageSummary } from '@shared/types'

export type ImageFilter = 'all' | 'used' | 'unused' | 'dangling'

export interface ImageRow {
  key: string
  image: ImageSummary
  /** repository:tag, or null for an untagged image. */
  name: string | null
  shortId: string
  /** What `images.remove` takes to remove this row. */
  ref: string
}

export function shortImageId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12)
}

export function imageRows(images: ImageSummary[], query: string, filter: ImageFilter): ImageRow[] {
  const q = query.trim().toLowerCase()
  const rows: ImageRow[] = []
  for (const image of images) {
    if (filter === 'used' && image.usedBy.length === 0) continue
    if (filter === 'unused' && image.usedBy.length > 0) continue
    if (filter === 'dangling' && !image.dangling) continue
    const shortId = shortImageId(image.id)
    const names = image.tags.length ? image.tags : [null]
    for (const name of names) {
      if (q && !(name ?? '').toLowerCase().includes(q) && !shortId.includes(q) && !image.id.includes(q)) continue
      rows.push({ key: `${image.id}|${name ?? ''}`, image, name, shortId, ref: name ?? image.id })
    }
  }
  return rows
}
