/**
 * The desktop app's vault for registry logins without a credential helper: Electron's
 * safeStorage encrypts with the OS's secret store (Keychain, DPAPI, the Linux keyring),
 * and only the ciphertext is written, to the app's data folder. Where Linux has no
 * keyring, safeStorage would fall back to a hard-coded key ("basic_text"); that is not a
 * secure store, so the vault reports itself unavailable and logins stay in memory.
 *
 * safeStorage is passed in (this module imports no Electron), so the desktop test
 * harness can run the same vault over its own encryption.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VAULT_STORE, type Credential, type Vault } from './credentials'

/** The part of Electron's safeStorage the vault uses. */
export interface SecretBox {
  isEncryptionAvailable(): boolean
  getSelectedStorageBackend?(): string
  encryptString(plain: string): Buffer
  decryptString(cipher: Buffer): string
}

export function encryptedVault(box: SecretBox, dataDir: () => string, platform: NodeJS.Platform = process.platform): Vault {
  const file = (): string => join(dataDir(), 'registry-logins.bin')
  return {
    name: VAULT_STORE,
    available() {
      if (!box.isEncryptionAvailable()) return false
      return platform !== 'linux' || box.getSelectedStorageBackend?.() !== 'basic_text'
    },
    async load() {
      const data = await readFile(file()).catch(() => undefined)
      return data ? (JSON.parse(box.decryptString(data)) as Credential[]) : []
    },
    async save(credentials) {
      // Beside, then over: a crash mid-write never leaves a torn file that would lose every login.
      const temp = `${file()}.${process.pid}.tmp`
      await writeFile(temp, box.encryptString(JSON.stringify(credentials)), { mode: 0o600 })
      await rename(temp, file())
    },
  }
}
