import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SecretBox } from '../registry/encryptedVault'
import { memorySecretBox } from '../../../tests/support/memorySecretBox'
import { memorySecrets, vaultSecrets } from './engineSecrets'

function box(backend = 'gnome_libsecret'): SecretBox {
  return { ...memorySecretBox(), getSelectedStorageBackend: () => backend }
}

describe('engine secrets', () => {
  it('in the OS keychain: only ciphertext on disk, read back by the next start, gone when the engine is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-secrets-'))
    // One keychain across the starts: the same key, as the OS keeps it.
    const keychain = box()
    const first = vaultSecrets(keychain, () => dir, 'linux')
    expect(first.persistent).toBe(true)
    first.set('build-server', 'correct horse battery staple')
    const file = join(dir, 'engine-secrets.bin')
    expect(readFileSync(file).toString('latin1')).not.toContain('correct horse')

    const next = vaultSecrets(keychain, () => dir, 'linux')
    expect(next.get('build-server')).toBe('correct horse battery staple')
    next.set('build-server', undefined)
    expect(existsSync(file)).toBe(false)
    expect(vaultSecrets(keychain, () => dir, 'linux').get('build-server')).toBeUndefined()
  })

  it('where safeStorage would use its hard-coded key, or in browser mode: memory only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-secrets-'))
    const weak = vaultSecrets(box('basic_text'), () => dir, 'linux')
    expect(weak.persistent).toBe(false)
    weak.set('x', 'secret')
    expect(weak.get('x')).toBe('secret')
    expect(existsSync(join(dir, 'engine-secrets.bin'))).toBe(false)
    const memory = memorySecrets()
    memory.set('x', 'secret')
    expect(memory.get('x')).toBe('secret')
    memory.set('x', undefined)
    expect(memory.get('x')).toBeUndefined()
  })
})
