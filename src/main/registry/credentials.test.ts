import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { Credentials, VAULT_STORE, type Credential, type Vault } from './credentials'

/** A docker config folder with no config.json: no credential helper applies. */
const env = { ...process.env, DOCKER_CONFIG: mkdtempSync(`${tmpdir()}/wharf-noconfig-`) }

/** Stands in for safeStorage: what was saved is what a new process would load. */
function vault(available: boolean): Vault & { saved: Credential[] | null } {
  const v = {
    name: VAULT_STORE as typeof VAULT_STORE,
    saved: null as Credential[] | null,
    available: () => available,
    load: () => Promise.resolve(v.saved ?? []),
    save: (c: Credential[]) => {
      v.saved = c
      return Promise.resolve()
    },
  }
  return v
}

const login = { serveraddress: 'registry.example.com', username: 'ann', password: 's3cret' }

describe('Credentials without a credential helper', () => {
  it('keeps logins in the vault when the OS offers a secure store, and a new process finds them', async () => {
    const v = vault(true)
    expect(await new Credentials(env, v).set(login)).toEqual({ server: login.serveraddress, username: 'ann', store: v.name })
    expect(v.saved).toEqual([login])
    const later = new Credentials(env, v)
    expect(await later.list()).toEqual([{ server: login.serveraddress, username: 'ann', store: v.name }])
    expect(await later.get(login.serveraddress)).toEqual(login)
    await later.remove(login.serveraddress)
    expect(v.saved).toEqual([])
  })

  it('keeps them in memory only, and says so, when there is no secure store', async () => {
    const v = vault(false)
    const credentials = new Credentials(env, v)
    expect((await credentials.set(login)).store).toBe('memory')
    expect(v.saved).toBeNull()
    expect(await credentials.get(login.serveraddress)).toEqual(login)
    expect(await new Credentials(env, v).list()).toEqual([])
  })
})
