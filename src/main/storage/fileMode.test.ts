import { describe, expect, it } from 'vitest'
import { fromGoMode, fromStMode, fromTarType, modeText } from './fileMode'

describe('file modes', () => {
  it('prints permissions like ls -l', () => {
    expect(modeText('dir', 0o755)).toBe('drwxr-xr-x')
    expect(modeText('file', 0o4755)).toBe('-rwsr-xr-x')
    expect(modeText('dir', 0o1777)).toBe('drwxrwxrwt')
    expect(modeText('file', 0o2640)).toBe('-rw-r-S---')
  })
  it('reads st_mode, Go FileMode and tar types', () => {
    expect(fromStMode(0x41ed)).toEqual({ type: 'dir', text: 'drwxr-xr-x' })
    expect(fromStMode(0xa1ff)).toEqual({ type: 'link', text: 'lrwxrwxrwx' })
    expect(fromStMode(0x81a4)).toEqual({ type: 'file', text: '-rw-r--r--' })
    // Values the engine sent for a folder, a symlink and a file (see the archive stat header).
    expect(fromGoMode(2147484141)).toEqual({ type: 'dir', text: 'drwxr-xr-x' })
    expect(fromGoMode(134218239)).toEqual({ type: 'link', text: 'lrwxrwxrwx' })
    expect(fromGoMode(420)).toEqual({ type: 'file', text: '-rw-r--r--' })
    expect(fromTarType('symlink', 0o777).type).toBe('link')
    expect(fromTarType('directory', 0o750).text).toBe('drwxr-x---')
  })
})
