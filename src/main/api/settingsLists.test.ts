import { describe, expect, it } from 'vitest'
import { preferencesPatch } from '../../shared/settings'
import { memorySettings } from '../storage/settings'
import type { AppContext } from './context'
import { enginesMethods } from './engines'

/** Only what settings.update reads of the app. */
function app(): AppContext {
  return { settings: memorySettings(), book: { defaultEngine: () => 'local' } } as unknown as AppContext
}

describe('list layouts in the settings', () => {
  it('replaces only the lists a change names, keeping the others', async () => {
    const ctx = app()
    const update = enginesMethods['settings.update']
    await update(preferencesPatch.parse({ lists: { containers: { hidden: ['image'], widths: { status: 240 } } } }), ctx)
    const view = await update(preferencesPatch.parse({ lists: { images: { sort: { key: 'size', dir: 'desc' } } } }), ctx)
    expect(view.preferences.lists).toEqual({
      containers: { hidden: ['image'], widths: { status: 240 } },
      images: { hidden: [], widths: {}, sort: { key: 'size', dir: 'desc' } },
    })
    // Another preference leaves the lists alone.
    const after = await update(preferencesPatch.parse({ theme: 'dark' }), ctx)
    expect(after.preferences.lists.containers.hidden).toEqual(['image'])
  })

  it('refuses a layout that is not one: odd column keys, absurd widths', () => {
    expect(preferencesPatch.safeParse({ lists: { containers: { hidden: ['<script>'] } } }).success).toBe(false)
    expect(preferencesPatch.safeParse({ lists: { containers: { widths: { name: 1e9 } } } }).success).toBe(false)
    expect(preferencesPatch.safeParse({ lists: { '../x': { hidden: [] } } }).success).toBe(false)
  })
})
