import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { appMenuTemplate, type AppMenuOptions } from './appMenu'
import { shellText } from './shellText'

function options(patch: Partial<AppMenuOptions>): AppMenuOptions {
  return { platform: 'linux', packaged: true, appName: 'Wharf', text: shellText('en'), openHelp: () => undefined, ...patch }
}

/** Every role in the menu, depth first. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
}

function submenu(items: MenuItemConstructorOptions[], role: string): string[] {
  const found = items.find((item) => item.role === role)
  return roles((found?.submenu as MenuItemConstructorOptions[] | undefined) ?? [])
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help with the usual roles on Linux and Windows', () => {
    const menu = appMenuTemplate(options({ platform: 'linux' }))
    expect(menu.map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help'])
    expect(submenu(menu, 'fileMenu')).toEqual(['quit'])
    expect(submenu(menu, 'editMenu')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'])
    expect(submenu(menu, 'viewMenu')).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(submenu(menu, 'windowMenu')).toEqual(['minimize', 'close'])
    expect(roles(appMenuTemplate(options({ platform: 'win32' })))).toEqual(roles(menu))
  })

  it('starts with the app menu on macOS, where Quit lives', () => {
    const menu = appMenuTemplate(options({ platform: 'darwin' }))
    expect(menu[0]).toMatchObject({ label: 'Wharf', role: 'appMenu' })
    expect(submenu(menu, 'appMenu')).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(submenu(menu, 'fileMenu')).toEqual(['close'])
    expect(submenu(menu, 'editMenu')).toContain('pasteAndMatchStyle')
    expect(submenu(menu, 'windowMenu')).toEqual(['minimize', 'zoom', 'front'])
  })

  it('offers reload and the developer tools only when not packaged', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
        expect(roles(appMenuTemplate(options({ platform, packaged: true })))).not.toContain(role)
        expect(submenu(appMenuTemplate(options({ platform, packaged: false })), 'viewMenu')).toContain(role)
      }
    }
  })

  it('opens the README from Help, labelled in the shell’s language', () => {
    const openHelp = vi.fn()
    const help = appMenuTemplate(options({ openHelp, text: shellText('zh-CN') })).find((item) => item.role === 'help')
    const item = (help?.submenu as MenuItemConstructorOptions[])[0]
    expect(item.label).toBe('Wharf 使用说明')
    ;(item.click as () => void)()
    expect(openHelp).toHaveBeenCalledTimes(1)
  })
})
