import { describe, expect, it } from 'vitest'
import { hasImage, normalizeRef } from './imageRefs'

const images = [
  {
    id: 'sha256:3e001a898027aa',
    tags: ['wharf-test/busybox:latest', 'nginx:1.27'],
    digests: [],
    size: 1,
    created: 0,
    dangling: false,
    usedBy: [],
  },
]

describe('image references', () => {
  it('normalizes like the engine names images', () => {
    expect(normalizeRef('busybox')).toBe('busybox:latest')
    expect(normalizeRef('docker.io/library/nginx:1.27')).toBe('nginx:1.27')
    expect(normalizeRef('localhost:5000/app')).toBe('localhost:5000/app:latest')
  })

  it('finds an image by name, by implied tag or by id prefix', () => {
    expect(hasImage(images, 'wharf-test/busybox')).toBe(true)
    expect(hasImage(images, 'docker.io/library/nginx:1.27')).toBe(true)
    expect(hasImage(images, '3e001a8980')).toBe(true)
    expect(hasImage(images, 'nginx')).toBe(false)
  })
})
