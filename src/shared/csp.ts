/**
 * The Content-Security-Policy (DESIGN §4), one source for every place it is sent: the
 * desktop window's response header, browser mode's server header, and the <meta> that
 * electron.vite.config.ts writes into the built index.html. The meta is what protects the
 * desktop window in practice — it loads the renderer from file://, where Electron's
 * onHeadersReceived does not reach — and the same built file is served in browser mode,
 * where both policies apply and a request must pass each.
 */
export type CspShell = 'desktop' | 'browser'

function directives(shell: CspShell | 'both'): Array<[string, string[]]> {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    // Naive UI (css-render) and xterm.js add <style> elements and style attributes at run time.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // File previews are blob: URLs; Naive UI draws some icons as data: URLs.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    // 'self' also covers the same-origin ws:/wss: API socket of browser mode (CSP Level 3);
    // the desktop's uploads go to the wharf-download: scheme.
    ['connect-src', shell === 'browser' ? ["'self'"] : ["'self'", 'wharf-download:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ]
}

function serialize(list: Array<[string, string[]]>): string {
  return list.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

/** The header for a shell's responses. */
export function cspHeader(shell: CspShell): string {
  // frame-ancestors works only as a header: a <meta> policy ignores it (with a console warning).
  return serialize([...directives(shell), ['frame-ancestors', ["'none'"]]])
}

/** The policy of the built index.html's <meta>, which both shells load. */
export function cspMeta(): string {
  return serialize(directives('both'))
}
