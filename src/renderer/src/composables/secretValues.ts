/**
 * Environment values that look secret are masked until the user asks to see them: names
 * with PASSWORD, SECRET, TOKEN or KEY, and URLs carrying user:password@ (only the
 * password part is hidden there, so the host stays readable).
 */
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|KEY/i
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:)([^@\s]+)(@)/i
export const MASK = '••••••••'

export function isSecret(name: string, value: string): boolean {
  return value !== '' && (SECRET_NAME.test(name) || URL_PASSWORD.test(value))
}

export function maskValue(name: string, value: string): string {
  if (!isSecret(name, value)) return value
  if (SECRET_NAME.test(name)) return MASK
  return value.replace(URL_PASSWORD, `$1${MASK}$3`)
}

/** An env list (KEY=value) with the secret-looking values masked. */
export function maskEnv(env: readonly string[]): string[] {
  return env.map((entry) => {
    const at = entry.indexOf('=')
    return at === -1 ? entry : `${entry.slice(0, at)}=${maskValue(entry.slice(0, at), entry.slice(at + 1))}`
  })
}
