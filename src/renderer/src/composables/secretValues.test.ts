import { describe, expect, it } from 'vitest'
import { portEntries } from './portLinks'
import { isSecret, MASK, maskEnv, maskValue } from './secretValues'

describe('secret-looking env values', () => {
  it('masks by name and the password of a URL, nothing else', () => {
    expect(maskEnv(['DB_PASSWORD=hunter2', 'API_TOKEN=abc', 'AWS_SECRET_ACCESS_KEY=x', 'PATH=/bin', 'EMPTY_PASSWORD='])).toEqual([
      `DB_PASSWORD=${MASK}`,
      `API_TOKEN=${MASK}`,
      `AWS_SECRET_ACCESS_KEY=${MASK}`,
      'PATH=/bin',
      'EMPTY_PASSWORD=',
    ])
    expect(maskValue('DB_URL', 'postgres://app:s3cr3t@db:5432/app')).toBe(`postgres://app:${MASK}@db:5432/app`)
    expect(isSecret('HOME_URL', 'https://example.com/a:b@c')).toBe(false)
  })
})

describe('published ports as links', () => {
  it('links TCP ports published on the host, https for 443 and 8443', () => {
    expect(
      portEntries({
        '80/tcp': [
          { HostIp: '0.0.0.0', HostPort: '8080' },
          { HostIp: '::', HostPort: '8080' },
        ],
        '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '8443' }],
        '53/udp': [{ HostIp: '', HostPort: '5353' }],
        '9000/tcp': null,
      }),
    ).toEqual([
      { text: '8080 → 80/tcp', link: { url: 'http://localhost:8080/', port: 80, protocol: 'tcp' } },
      { text: '127.0.0.1:8443 → 443/tcp', link: { url: 'https://127.0.0.1:8443/', port: 443, protocol: 'tcp' } },
      { text: '5353 → 53/udp' },
      { text: '9000/tcp' },
    ])
  })
})
