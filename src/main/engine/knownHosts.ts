/**
 * SSH host keys checked the way OpenSSH checks them, against the user's known_hosts (and
 * the system's): plain and hashed (`|1|salt|hash`) host entries, `[host]:port` for
 * other ports, wildcards and negations, `@revoked` keys. A key not known for the host is
 * `unknown` (the user is shown its fingerprint and may accept it); a host that is known
 * with another key of the same type is `changed` and never accepted.
 */
import { createHash, createHmac } from 'node:crypto'
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'

export type HostKeyVerdict = 'known' | 'unknown' | 'changed' | 'revoked'

export interface HostKey {
  /** "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"… */
  algorithm: string
  /** The key blob as SSH sends it. */
  blob: Buffer
}

/** The name known_hosts uses for a host: `host`, or `[host]:port` off port 22. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`
}

/** The algorithm a key blob names (its first SSH string). */
export function keyFromBlob(blob: Buffer): HostKey {
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : 0
  const algorithm = length > 0 && length < 64 && blob.length >= 4 + length ? blob.subarray(4, 4 + length).toString('ascii') : 'unknown'
  return { algorithm, blob }
}

/** As `ssh` prints it: SHA256:<base64 without padding>. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`
}

/** The key as a known_hosts line spells it after the host: "<algorithm> <base64>". */
export function keyText(key: HostKey): string {
  return `${key.algorithm} ${key.blob.toString('base64')}`
}

function globMatches(pattern: string, name: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  const regex = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i')
  return regex.test(name)
}

function hashedMatches(entry: string, name: string): boolean {
  const [, magic, salt, hash] = entry.split('|')
  if (magic !== '1' || !salt || !hash) return false
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash
}

/** Whether a line's host patterns cover `name` (a negated pattern that matches excludes it). */
function patternsMatch(patterns: string, name: string): boolean {
  let matched = false
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('|')) {
      if (hashedMatches(pattern, name)) matched = true
    } else if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), name)) return false
    } else if (globMatches(pattern, name)) matched = true
  }
  return matched
}

/** Checks `key` for host:port against the text of known_hosts files. */
export function verifyHostKey(files: string[], host: string, port: number, key: HostKey): HostKeyVerdict {
  const name = hostEntryName(host, port)
  const wanted = key.blob.toString('base64')
  let sameTypeOther = false
  let known = false
  for (const text of files) {
    for (const raw of text.split('\n')) {
      const line = raw.trim()
      if (!line || line.startsWith('#')) continue
      const fields = line.split(/\s+/)
      const marker = fields[0].startsWith('@') ? fields.shift() : undefined
      const [patterns, algorithm, blob] = fields
      if (!patterns || !algorithm || !blob || !patternsMatch(patterns, name)) continue
      if (marker === '@cert-authority') continue
      if (marker === '@revoked') {
        if (blob === wanted) return 'revoked'
        continue
      }
      if (algorithm !== key.algorithm) continue
      if (blob === wanted) known = true
      else sameTypeOther = true
    }
  }
  if (known) return 'known'
  return sameTypeOther ? 'changed' : 'unknown'
}

export class KnownHosts {
  constructor(
    /** The user's file (written when a key is accepted), then read-only system files. */
    private readonly userFile: string,
    private readonly systemFiles: string[] = ['/etc/ssh/ssh_known_hosts'],
  ) {}

  async verify(host: string, port: number, key: HostKey): Promise<HostKeyVerdict> {
    const texts = await Promise.all([this.userFile, ...this.systemFiles].map((f) => readFile(f, 'utf8').catch(() => '')))
    return verifyHostKey(texts, host, port, key)
  }

  /** The user accepted the key: appended as OpenSSH would (the folder private to the user). */
  async trust(host: string, port: number, text: string): Promise<void> {
    await mkdir(dirname(this.userFile), { recursive: true, mode: 0o700 })
    const existing = await readFile(this.userFile, 'utf8').catch(() => '')
    const separator = existing && !existing.endsWith('\n') ? '\n' : ''
    await appendFile(this.userFile, `${separator}${hostEntryName(host, port)} ${text}\n`, { mode: 0o600 })
  }
}
