/**
 * Desktop notifications for tasks that end while the user is elsewhere (the rules and
 * words are taskNotice.ts'). Electron's Notification is passed in, so this file stays a
 * thin adapter.
 */
import type { BrowserWindow, Notification, NotificationConstructorOptions } from 'electron'
import type { TaskInfo } from '../../shared/tasks'
import { shellLocale, type ShellLocale } from './shellText'
import { watchTaskEnds } from './taskNotice'

export interface NotificationClass {
  isSupported(): boolean
  new (options: NotificationConstructorOptions): Notification
}

/** Notifications still on screen; a dropped reference can lose its click handler to GC. */
const KEEP = 10

export function announceTaskEnds(
  changed: { add(listener: (task: TaskInfo) => void): () => void },
  options: {
    Notification: NotificationClass
    window: () => BrowserWindow | undefined
    locale: () => ShellLocale
    icon?: string
    /** Brings the window back (or opens a new one): what a click on the notification does. */
    reveal: () => void
  },
): () => void {
  const shown: Notification[] = []
  const forget = (notification: Notification): void => {
    const at = shown.indexOf(notification)
    if (at !== -1) shown.splice(at, 1)
  }
  return watchTaskEnds(changed, {
    windowFocused: () => options.window()?.isFocused() ?? false,
    locale: options.locale,
    notify: ({ title, body }) => {
      if (!options.Notification.isSupported()) return
      const notification = new options.Notification({ title, body, icon: options.icon })
      shown.push(notification)
      if (shown.length > KEEP) shown.shift()
      notification.on('click', () => {
        forget(notification)
        options.reveal()
      })
      notification.on('close', () => forget(notification))
      notification.show()
    },
  })
}

/**
 * Reports the page's language each time the window loses focus (notifications only
 * appear after that), so they speak the language the user picked in Wharf, not only the
 * OS's.
 */
export function followPageLanguage(win: BrowserWindow, onLanguage: (locale: ShellLocale) => void): void {
  win.on('blur', () => {
    if (win.isDestroyed()) return
    win.webContents.executeJavaScript('document.documentElement.lang').then(
      (lang: unknown) => {
        if (typeof lang === 'string' && lang !== '') onLanguage(shellLocale(lang))
      },
      () => undefined,
    )
  })
}
