/**
 * Keystrokes and pastes as the page sends them: UTF-8 bytes in bounded chunks (main
 * writes them to the TTY in order, so a character split between chunks arrives whole).
 */
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
