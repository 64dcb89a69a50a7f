/**
 * Links in terminal output open only when they are web pages: output is whatever a
 * container prints, so `javascript:`, `file:` or custom-scheme links in it (plain text or
 * OSC 8 hyperlinks) are never followed.
 */
export function webLink(uri: string): string | null {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}

export function openWebLink(uri: string): void {
  const href = webLink(uri)
  if (href) window.open(href, '_blank', 'noopener,noreferrer')
}
