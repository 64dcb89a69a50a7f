/**
 * The desktop app's vault for registry logins without a credential helper: Electron's
 * safeStorage encrypts with the OS's secret store (Keychain, DPAPI, the Linux keyring),
 * and only the ciphertext is written, to the app's data folder. Where Linux has no
 * keyring, safeStorage would fall back to a hard-coded key ("basic_text"); that is not a
 * secure store, so the vault reports itself unavailable and logins stay in memory.
 */
import { app, safeStorage } from 'electron'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Credential, Vault } from '../registry/credentials'

export function safeStorageVault(): Vault {
  const file = (): string => join(app.getPath('userData'), 'registry-logins.bin')
  return {
    name: 'the OS keychain (encrypted)',
    available() {
      if (!safeStorage.isEncryptionAvailable()) return false
      return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
    },
    async load() {
      const data = await readFile(file()).catch(() => undefined)
      return data ? (JSON.parse(safeStorage.decryptString(data)) as Credential[]) : []
    },
    async save(credentials) {
      await writeFile(file(), safeStorage.encryptString(JSON.stringify(credentials)), { mode: 0o600 })
    },
  }
}
