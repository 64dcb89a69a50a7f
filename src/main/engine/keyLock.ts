/**
 * Private keys that open only with a passphrase — an SSH identity file or a TLS client
 * key. The passphrase is never in the settings file: it comes from the engine secrets at
 * each connect, so one entered later (browser mode forgets them when it stops) is used at
 * once. When it is missing or wrong the engine says so, and the UI asks for it.
 */
import { createPrivateKey } from 'node:crypto'
import { utils } from 'ssh2'

/** `missing`: the key is encrypted and Wharf has no passphrase; `wrong`: the one it has does not open it. */
export type KeyLock = 'missing' | 'wrong'

/** What the last connect found of the key; the Engines list reads it to offer the passphrase form. */
export interface KeyState {
  lock: KeyLock | undefined
}

export class KeyLocked extends Error {
  constructor(
    readonly lock: KeyLock,
    what: string,
  ) {
    super(
      lock === 'missing'
        ? `The ${what} is protected by a passphrase, and Wharf has none for it (browser mode keeps passphrases only until it stops): enter it to connect.`
        : `The passphrase Wharf has does not open the ${what}: enter the right one to connect.`,
    )
    this.name = 'KeyLocked'
  }
}

/** Whether an SSH key opens with this passphrase (ssh2's own parser says why not). */
export function sshKeyLock(key: Buffer, passphrase: string | undefined): KeyLock | undefined {
  const parsed = utils.parseKey(key, passphrase)
  if (!(parsed instanceof Error)) return undefined
  if (/no passphrase given/i.test(parsed.message)) return 'missing'
  if (/bad passphrase/i.test(parsed.message)) return 'wrong'
  return undefined
}

/** A PEM key encrypted with a passphrase: PKCS#8 ("ENCRYPTED PRIVATE KEY") or OpenSSL's legacy header. */
export function isEncryptedPem(pem: Buffer): boolean {
  const text = pem.toString('latin1')
  return text.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,\s*ENCRYPTED/.test(text)
}

/**
 * A TLS client key as Node's TLS takes it. docker-modem passes no passphrase to TLS, so
 * an encrypted key is opened here, in memory, and handed on unencrypted; it is never
 * written anywhere.
 */
export function openTlsKey(pem: Buffer, passphrase: string | undefined, what: string): Buffer {
  if (!isEncryptedPem(pem)) return pem
  if (!passphrase) throw new KeyLocked('missing', what)
  try {
    return Buffer.from(createPrivateKey({ key: pem, passphrase }).export({ type: 'pkcs8', format: 'pem' }) as string)
  } catch {
    throw new KeyLocked('wrong', what)
  }
}

/** Whether this passphrase opens the key, for either kind: checked before the passphrase is kept. */
export function keyLockOf(kind: 'ssh' | 'tls', key: Buffer, passphrase: string): KeyLock | undefined {
  if (kind === 'ssh') return sshKeyLock(key, passphrase)
  try {
    openTlsKey(key, passphrase, 'key')
    return undefined
  } catch (err) {
    return err instanceof KeyLocked ? err.lock : undefined
  }
}
