/**
 * The window icon. Linux and Windows draw it in the title bar, the task switcher and the
 * taskbar (without it a Linux window shows Electron's, and `npm start` on Windows too);
 * macOS takes the app bundle's icon and ignores this. The files ship inside app.asar
 * (electron-builder.ts `files`), which nativeImage reads directly.
 */
import { join } from 'node:path'

/** `mainDir` is the directory of the built main script (out/main). */
export function windowIconPath(platform: NodeJS.Platform, mainDir: string): string | undefined {
  if (platform === 'win32') return join(mainDir, '../../resources/icon.ico')
  if (platform === 'darwin') return undefined
  return join(mainDir, '../../resources/icons/256x256.png')
}
