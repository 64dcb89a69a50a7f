import type { ImageSummary } from '@shared/types'
import { describe, expect, it } from 'vitest'
import { imageRows } from './imageRows'

const image = (id: string, tags: string[], used = 0): ImageSummary => ({
  id: `sha256:${id.padEnd(64, '0')}`,
  tags,
  digests: [],
  size: 1,
  created: 0,
  dangling: tags.length === 0,
  usedBy: Array.from({ length: used }, (_, i) => ({ id: `c${i}`, name: `c${i}`, state: 'running' })),
})

const images = [image('aaa111', ['web:1', 'web:latest'], 2), image('bbb222', []), image('ccc333', ['db:15'])]

describe('imageRows', () => {
  it('makes one row per name and one for an untagged image, removable by name or id', () => {
    const rows = imageRows(images, '', 'all')
    expect(rows.map((r) => r.name)).toEqual(['web:1', 'web:latest', null, 'db:15'])
    expect(rows[2].ref).toBe(images[1].id)
    expect(rows[0].ref).toBe('web:1')
    expect(rows[0].shortId).toBe('aaa111000000')
  })

  it('filters by use and danglingness, and searches names and ids', () => {
    expect(imageRows(images, '', 'used').map((r) => r.name)).toEqual(['web:1', 'web:latest'])
    expect(imageRows(images, '', 'unused').map((r) => r.name)).toEqual([null, 'db:15'])
    expect(imageRows(images, '', 'dangling').map((r) => r.shortId)).toEqual(['bbb222000000'])
    expect(imageRows(images, 'LATEST', 'all').map((r) => r.name)).toEqual(['web:latest'])
    expect(imageRows(images, 'bbb2', 'all').map((r) => r.name)).toEqual([null])
  })
})
