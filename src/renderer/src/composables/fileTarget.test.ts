import { describe, expect, it } from 'vitest'
import { hexLines, imageMime } from './fileTarget'

describe('file browser helpers', () => {
  it('formats hex like hexdump -C and tells images by their names', () => {
    expect(hexLines(new TextEncoder().encode('hello\n'))).toEqual(['00000000  68 65 6c 6c 6f 0a                                 |hello.|'])
    expect(imageMime('a.PNG')).toBe('image/png')
    expect(imageMime('a.txt')).toBeUndefined()
  })
})
