import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { windowIconPath } from './appIcon'

const builtMain = join(__dirname, '../../../out/main')

describe('window icon', () => {
  it('points from the built main script at the committed icons', () => {
    for (const platform of ['linux', 'win32', 'freebsd'] as const) {
      const path = windowIconPath(platform, builtMain)
      expect(path).toBeDefined()
      expect(existsSync(path as string)).toBe(true)
    }
    expect(windowIconPath('win32', builtMain)).toMatch(/icon\.ico$/)
  })

  it('leaves macOS to the bundle’s icon', () => {
    expect(windowIconPath('darwin', builtMain)).toBeUndefined()
  })
})
