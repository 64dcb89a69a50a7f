/**
 * The one rule for leaving the app (DESIGN §4): only https addresses are handed to the
 * system browser. Anything else — http, file:, javascript:, custom schemes that could
 * launch other programs — is dropped.
 */

/** The address to open in the system browser, normalized, or null when it must not be opened. */
export function externalUrl(candidate: string): string | null {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  // Credentials in a link are a phishing device (https://trusted.example@evil.example/).
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null
  return url.href
}
