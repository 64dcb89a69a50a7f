import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dockerContexts } from './dockerContexts'

function context(config: string, name: string, host: string, tls = false): void {
  const digest = createHash('sha256').update(name).digest('hex')
  mkdirSync(join(config, 'contexts/meta', digest), { recursive: true })
  writeFileSync(
    join(config, 'contexts/meta', digest, 'meta.json'),
    JSON.stringify({ Name: name, Metadata: { Description: `the ${name} one` }, Endpoints: { docker: { Host: host } } }),
  )
  if (tls) {
    mkdirSync(join(config, 'contexts/tls', digest, 'docker'), { recursive: true })
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(config, 'contexts/tls', digest, 'docker', f), 'x')
  }
}

describe('docker contexts', () => {
  it('lists every context with how Wharf reaches it, the current one marked, the built-in default first', () => {
    const config = mkdtempSync(join(tmpdir(), 'wharf-contexts-'))
    writeFileSync(join(config, 'config.json'), JSON.stringify({ currentContext: 'build' }))
    context(config, 'build', 'ssh://deploy@build.example.com:2222')
    context(config, 'secure', 'tcp://10.0.0.5:2376', true)
    context(config, 'plain', 'tcp://10.0.0.6')
    context(config, 'podman', 'unix:///run/user/1000/podman/podman.sock')
    const found = dockerContexts({ DOCKER_CONFIG: config }, '/nonexistent')
    expect(found[0]).toMatchObject({ name: 'default', current: false, endpoint: { kind: 'unix', path: '/var/run/docker.sock' } })
    const byName = Object.fromEntries(found.map((c) => [c.name, c]))
    expect(byName.build).toMatchObject({ current: true, endpoint: { kind: 'ssh', user: 'deploy', host: 'build.example.com', port: 2222 } })
    const tlsDir = join(config, 'contexts/tls', createHash('sha256').update('secure').digest('hex'), 'docker')
    expect(byName.secure.endpoint).toEqual({
      kind: 'tls',
      host: '10.0.0.5',
      port: 2376,
      ca: { from: 'file', path: join(tlsDir, 'ca.pem') },
      cert: { from: 'file', path: join(tlsDir, 'cert.pem') },
      key: { from: 'file', path: join(tlsDir, 'key.pem') },
    })
    expect(byName.plain.endpoint).toEqual({ kind: 'tcp', host: '10.0.0.6', port: 2375, insecureConfirmed: false })
    expect(byName.podman.endpoint).toEqual({ kind: 'unix', path: '/run/user/1000/podman/podman.sock' })
  })

  it('reads nothing it cannot, and DOCKER_CONTEXT wins over the config', () => {
    const config = mkdtempSync(join(tmpdir(), 'wharf-contexts-'))
    context(config, 'a', 'unix:///a.sock')
    mkdirSync(join(config, 'contexts/meta/not-a-digest'), { recursive: true })
    writeFileSync(join(config, 'contexts/meta/not-a-digest/meta.json'), '{broken')
    const found = dockerContexts({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'a' }, '/nonexistent')
    expect(found.map((c) => [c.name, c.current])).toEqual([
      ['default', false],
      ['a', true],
    ])
  })
})
