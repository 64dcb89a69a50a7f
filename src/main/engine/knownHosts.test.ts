import { createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fingerprint, hostEntryName, keyFromBlob, KnownHosts, keyText, verifyHostKey, type HostKey } from './knownHosts'

function blob(algorithm: string, body: Buffer): Buffer {
  const name = Buffer.from(algorithm)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(name.length)
  return Buffer.concat([length, name, body])
}

const key: HostKey = keyFromBlob(blob('ssh-ed25519', randomBytes(36)))
const other: HostKey = keyFromBlob(blob('ssh-ed25519', randomBytes(36)))
const rsa: HostKey = keyFromBlob(blob('ssh-rsa', randomBytes(120)))

function hashed(name: string): string {
  const salt = randomBytes(20)
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
}

describe('known_hosts', () => {
  it('reads the algorithm from the key and prints the fingerprint as ssh does', () => {
    expect(key.algorithm).toBe('ssh-ed25519')
    expect(fingerprint(key.blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    expect(hostEntryName('build.example.com', 22)).toBe('build.example.com')
    expect(hostEntryName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222')
  })

  it('knows a key listed for the host, plain, hashed, in a list or by wildcard', () => {
    for (const patterns of ['build', 'a,build,b', hashed('build'), 'bu*', 'b?ild']) {
      expect(verifyHostKey([`${patterns} ${keyText(key)}`], 'build', 22, key)).toBe('known')
    }
    expect(verifyHostKey([`${hashed('[127.0.0.1]:2222')} ${keyText(key)}`], '127.0.0.1', 2222, key)).toBe('known')
    // Port 22's entry is not another port's.
    expect(verifyHostKey([`127.0.0.1 ${keyText(key)}`], '127.0.0.1', 2222, key)).toBe('unknown')
  })

  it('says unknown for a new host or a host known only with another key type, and changed for another key of the same type', () => {
    expect(verifyHostKey([''], 'build', 22, key)).toBe('unknown')
    expect(verifyHostKey([`build ${keyText(rsa)}`], 'build', 22, key)).toBe('unknown')
    expect(verifyHostKey([`build ${keyText(other)}`], 'build', 22, key)).toBe('changed')
    expect(verifyHostKey([`${hashed('build')} ${keyText(other)}`, `# comment\n`], 'build', 22, key)).toBe('changed')
  })

  it('honours negation, @revoked and skips @cert-authority', () => {
    expect(verifyHostKey([`*,!build ${keyText(key)}`], 'build', 22, key)).toBe('unknown')
    expect(verifyHostKey([`@revoked build ${keyText(key)}`, `build ${keyText(key)}`], 'build', 22, key)).toBe('revoked')
    expect(verifyHostKey([`@cert-authority build ${keyText(other)}`], 'build', 22, key)).toBe('unknown')
  })

  it('saves an accepted key so the next check knows it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wharf-kh-')), 'sub/known_hosts')
    const hosts = new KnownHosts(file, [])
    expect(await hosts.verify('127.0.0.1', 2222, key)).toBe('unknown')
    await hosts.trust('127.0.0.1', 2222, keyText(key))
    expect(await hosts.verify('127.0.0.1', 2222, key)).toBe('known')
    expect(await hosts.verify('127.0.0.1', 2222, other)).toBe('changed')
    expect(readFileSync(file, 'utf8')).toBe(`[127.0.0.1]:2222 ${keyText(key)}\n`)
  })
})
