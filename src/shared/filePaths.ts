/**
 * Paths the browser sends are relative to the volume (or the container's root) and
 * must stay inside it: `..` is refused outright rather than resolved, so no spelling
 * of a path can climb out. Symlinks are checked in main against the engine.
 */

import { FIELD_TEXT } from './fieldText'

export class PathRefused extends Error {}

/** `a//b/./c/` → `a/b/c`; the root is ''. Throws PathRefused for `..`, NUL or control characters. */
export function normalizeRelPath(path: string): string {
  if (/[\0]/.test(path)) throw new PathRefused('A path cannot contain a NUL character')
  const parts = path.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.some((p) => p === '..')) throw new PathRefused(`"${path}" climbs out with ..; paths stay inside`)
  return parts.join('/')
}

/** A single new name (folder, rename target, uploaded file). */
export function checkName(name: string): string | undefined {
  if (!name || name === '.' || name === '..') return FIELD_TEXT.nameDots
  if (name.includes('/')) return FIELD_TEXT.nameSlash
  if (name.includes('\0')) return FIELD_TEXT.nameNul
  if (new TextEncoder().encode(name).length > 255) return FIELD_TEXT.nameLong
  return undefined
}

export function joinRel(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
