import { describe, expect, it } from 'vitest'
import { checkName, normalizeRelPath, PathRefused } from './filePaths'

describe('normalizeRelPath', () => {
  it('keeps paths inside and tidies them', () => {
    expect(normalizeRelPath('')).toBe('')
    expect(normalizeRelPath('/')).toBe('')
    expect(normalizeRelPath('/a//b/./c/')).toBe('a/b/c')
    expect(normalizeRelPath('sp ace/é…')).toBe('sp ace/é…')
    expect(normalizeRelPath('..a/b..')).toBe('..a/b..')
  })
  it('refuses every spelling of ..', () => {
    for (const p of ['..', '../x', 'a/../../x', '/..', 'a/..', './../']) expect(() => normalizeRelPath(p)).toThrow(PathRefused)
    expect(() => normalizeRelPath('a\0b')).toThrow(PathRefused)
  })
})

describe('checkName', () => {
  it('accepts plain names and refuses separators', () => {
    expect(checkName('report 2026.txt')).toBeUndefined()
    expect(checkName('a/b')).toMatch(/\//)
    expect(checkName('..')).toBeDefined()
    expect(checkName('')).toBeDefined()
    expect(checkName('x'.repeat(256))).toMatch(/255/)
  })
})
