import { describe, expect, it } from 'vitest'
import { cspHeader, cspMeta } from './csp'

/** directive → sources */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/)
      return [name, sources] as [string, string[]]
    }),
  )
}

describe('content security policy', () => {
  const policies = { desktop: parse(cspHeader('desktop')), browser: parse(cspHeader('browser')), meta: parse(cspMeta()) }

  it('runs only the app’s own scripts, everywhere', () => {
    for (const policy of Object.values(policies)) {
      expect(policy.get('script-src')).toEqual(["'self'"])
      expect(policy.get('default-src')).toEqual(["'self'"])
      expect(policy.get('object-src')).toEqual(["'none'"])
      expect(policy.get('base-uri')).toEqual(["'none'"])
      expect(policy.get('form-action')).toEqual(["'none'"])
      expect([...policy.values()].flat()).not.toContain("'unsafe-eval'")
    }
  })

  it('allows what the app uses: Naive UI’s inline styles, blob: previews, data: icons', () => {
    for (const policy of Object.values(policies)) {
      expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
      expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    }
  })

  it('connects to the same origin in browser mode and to wharf-download: on the desktop', () => {
    expect(policies.browser.get('connect-src')).toEqual(["'self'"])
    expect(policies.desktop.get('connect-src')).toEqual(["'self'", 'wharf-download:'])
    // The built page serves both shells; browser mode's header narrows it there.
    expect(policies.meta.get('connect-src')).toEqual(["'self'", 'wharf-download:'])
  })

  it('refuses framing by header, and leaves frame-ancestors out of the <meta>, where browsers ignore it', () => {
    expect(policies.desktop.get('frame-ancestors')).toEqual(["'none'"])
    expect(policies.browser.get('frame-ancestors')).toEqual(["'none'"])
    expect(policies.meta.has('frame-ancestors')).toBe(false)
  })

  it('is the same policy in every place apart from those two differences', () => {
    const strip = (policy: Map<string, string[]>) =>
      [...policy]
        .filter(([name]) => name !== 'connect-src' && name !== 'frame-ancestors')
        .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    expect(strip(policies.browser)).toEqual(strip(policies.meta))
    expect(strip(policies.desktop)).toEqual(strip(policies.meta))
  })
})
