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

const encoder = new TextEncoder()
/** One message stays well under the transport's limit even for a huge paste. */
export const INPUT_CHUNK = 64 * 1024

/** Typed or pasted text as UTF-8 byte chunks. */
export function inputChunks(text: string): Uint8Array[] {
  const bytes = encoder.encode(text)
  const chunks: Uint8Array[] = []
  for (let at = 0; at < bytes.length; at += INPUT_CHUNK) chunks.push(bytes.subarray(at, at + INPUT_CHUNK))
  return chunks
}

/** xterm's onBinary hands over bytes as a string of code units 0–255 (mouse reports). */
export function binaryInput(data: string): Uint8Array {
  const bytes = new Uint8Array(data.length)
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i) & 0xff
  return bytes
}
