import { describe, expect, it } from 'vitest'
import { externalUrl } from './externalLinks'

describe('external links', () => {
  it('opens https addresses, normalized', () => {
    expect(externalUrl('https://docs.docker.com/engine/')).toBe('https://docs.docker.com/engine/')
    expect(externalUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b')
  })

  it('refuses every other scheme', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://host/share',
      'vscode://file/etc/passwd',
      'wharf-download://app/logs/x',
      'ftp://example.com/',
    ])
      expect(externalUrl(url)).toBeNull()
  })

  it('refuses what only looks like https', () => {
    for (const url of [
      'https//example.com',
      ' javascript:alert(1)//https://',
      'not a url',
      '',
      'https://user:pw@example.com/',
      'https://trusted.example@evil.example/',
    ])
      expect(externalUrl(url)).toBeNull()
  })
})
