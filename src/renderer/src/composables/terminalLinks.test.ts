import { describe, expect, it } from 'vitest'
import { webLink } from './terminalLinks'

describe('webLink', () => {
  it('follows http and https only', () => {
    expect(webLink('https://example.com/a?b=c')).toBe('https://example.com/a?b=c')
    expect(webLink('http://localhost:8080/')).toBe('http://localhost:8080/')
    for (const hostile of ['javascript:alert(1)', 'file:///etc/passwd', 'vscode://x', 'data:text/html,<b>x</b>', 'not a url', ''])
      expect(webLink(hostile)).toBeNull()
  })
})
