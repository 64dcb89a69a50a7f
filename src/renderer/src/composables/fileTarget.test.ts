import { describe, expect, it } from 'vitest'
import { hexLines, imageMime, targetQuery } from './fileTarget'

describe('file browser helpers', () => {
  it('names the target and formats hex like hexdump -C', () => {
    expect(targetQuery({ kind: 'volume', name: 'data' })).toBe('kind=volume&name=data')
    expect(targetQuery({ kind: 'container', id: 'web 1' })).toBe('kind=container&id=web%201')
    expect(hexLines(new TextEncoder().encode('hello\n'))).toEqual(['00000000  68 65 6c 6c 6f 0a                                 |hello.|'])
    expect(imageMime('a.PNG')).toBe('image/png')
    expect(imageMime('a.txt')).toBeUndefined()
  })
})
