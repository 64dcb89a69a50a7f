/** The desktop app's native open dialog, for choosing a build context, an archive to load or a compose file. */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { PathPicker } from '../api/context'

export function nativePathPicker(window: () => BrowserWindow | undefined): PathPicker {
  return async (kind) => {
    const options: OpenDialogOptions =
      kind === 'folder'
        ? { properties: ['openDirectory'] }
        : kind === 'compose'
          ? { properties: ['openFile'], filters: [{ name: 'Compose files', extensions: ['yml', 'yaml'] }] }
          : { properties: ['openFile'], filters: [{ name: 'Image archives', extensions: ['tar', 'gz', 'tgz'] }] }
    const parent = window()
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    return { path: result.canceled ? null : (result.filePaths[0] ?? null) }
  }
}
