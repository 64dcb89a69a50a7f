/**
 * The answer to the token URL. A 302 to / would leave the token URL in the tab's history
 * as the entry's original address; this page instead replaces its own history entry with
 * the app's clean address and then loads it, so neither the address bar, nor Back, nor the
 * tab's history holds the token. Its one inline script is allowed by hash, nothing else.
 */
import { createHash } from 'node:crypto'

const SCRIPT = "history.replaceState(null, '', '/'); location.replace('/')"
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64')

const BODY = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wharf</title><script>${SCRIPT}</script></head>
<body><noscript>Wharf needs JavaScript. <a href="/">Open Wharf</a></noscript></body></html>
`

export function tokenLanding(setCookie: string): { headers: Record<string, string>; body: string } {
  return {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Set-Cookie': setCookie,
    },
    body: BODY,
  }
}
