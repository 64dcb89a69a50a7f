/**
 * The secrets of added engines (an SSH key's passphrase), never in the settings file.
 * Browser mode keeps them in memory for the life of the process, as it does registry
 * logins. The desktop app keeps them in the OS's secret store through Electron's
 * safeStorage (passed in as a SecretBox, so this module imports no Electron): only the
 * ciphertext is written, beside the settings. Where safeStorage would fall back to a
 * hard-coded key (Linux without a keyring), that is no secure store: memory only.
 * Reads are synchronous, like safeStorage itself, so saved engines connect at start.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretBox } from '../registry/encryptedVault'

export interface EngineSecrets {
  /** False when secrets last only as long as this process. */
  readonly persistent: boolean
  get(id: string): string | undefined
  set(id: string, secret: string | undefined): void
}

export function memorySecrets(): EngineSecrets {
  const kept = new Map<string, string>()
  return {
    persistent: false,
    get: (id) => kept.get(id),
    set: (id, secret) => void (secret === undefined ? kept.delete(id) : kept.set(id, secret)),
  }
}

export function vaultSecrets(box: SecretBox, dataDir: () => string, platform: NodeJS.Platform = process.platform): EngineSecrets {
  const secure = box.isEncryptionAvailable() && (platform !== 'linux' || box.getSelectedStorageBackend?.() !== 'basic_text')
  if (!secure) return memorySecrets()
  const file = (): string => join(dataDir(), 'engine-secrets.bin')
  let cache: Record<string, string> | undefined
  const load = (): Record<string, string> => {
    if (cache) return cache
    try {
      cache = JSON.parse(box.decryptString(readFileSync(file()))) as Record<string, string>
    } catch {
      // None saved yet, or unreadable (another user's keyring): the engine asks again.
      cache = {}
    }
    return cache
  }
  return {
    persistent: true,
    get: (id) => load()[id],
    set: (id, secret) => {
      const next = { ...load() }
      if (secret === undefined) delete next[id]
      else next[id] = secret
      cache = next
      if (Object.keys(next).length === 0) return rmSync(file(), { force: true })
      // Beside, then over: a crash mid-write never leaves a torn file.
      const temp = `${file()}.${process.pid}.tmp`
      writeFileSync(temp, box.encryptString(JSON.stringify(next)), { mode: 0o600 })
      renameSync(temp, file())
    },
  }
}
