/**
 * One Wharf per user: a second launch hands over to the running one, which brings its
 * window back, as desktop apps do. index.ts holds the lock; this decides
 * what the running instance does.
 */

/** The parts of a BrowserWindow needed to bring it back (a fake in tests). */
export interface RevealableWindow {
  isMinimized(): boolean
  restore(): void
  isVisible(): boolean
  show(): void
  focus(): void
}

/** Un-minimizes, shows and focuses the window. */
export function revealWindow(win: RevealableWindow): void {
  if (win.isMinimized()) win.restore()
  if (!win.isVisible()) win.show()
  win.focus()
}

/**
 * Whether a second launch came from the user. On Windows node-pty forks
 * `conpty_console_list_agent` with the app's own executable when a host terminal closes;
 * with the RunAsNode fuse off that fork starts Wharf instead of Node, and it arrives here
 * as a second instance. It must not pull the window forward (node-pty falls back after 5 s).
 */
export function isUserLaunch(argv: readonly string[]): boolean {
  return !argv.some((arg) => /conpty_console_list_agent(\.js)?$/.test(arg))
}
