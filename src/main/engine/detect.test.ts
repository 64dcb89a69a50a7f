import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { engineCandidates } from './detect'
import { optionsForEndpoint } from './endpoint'

function homeWithContext(name: string, host: string): string {
  const home = mkdtempSync(join(tmpdir(), 'wharf-home-'))
  mkdirSync(join(home, '.docker/contexts/meta', createHash('sha256').update(name).digest('hex')), { recursive: true })
  writeFileSync(join(home, '.docker/config.json'), JSON.stringify({ currentContext: name }))
  writeFileSync(
    join(home, '.docker/contexts/meta', createHash('sha256').update(name).digest('hex'), 'meta.json'),
    JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }),
  )
  return home
}

describe('engineCandidates', () => {
  it('uses only an explicit address, then only DOCKER_HOST, as the CLI does', () => {
    expect(engineCandidates({ explicit: 'tcp://h:2375', env: { DOCKER_HOST: 'unix:///x' } })).toEqual([
      { source: '--engine', endpoint: 'tcp://h:2375' },
    ])
    expect(engineCandidates({ env: { DOCKER_HOST: 'unix:///x.sock' } })).toEqual([{ source: 'DOCKER_HOST', endpoint: 'unix:///x.sock' }])
  })

  it('puts the current docker context first, then the usual sockets', () => {
    const home = homeWithContext('remote', 'ssh://me@server')
    const found = engineCandidates({ env: {}, home, platform: 'linux', uid: 1000 })
    expect(found[0]).toEqual({ source: 'docker context "remote"', endpoint: 'ssh://me@server' })
    const endpoints = found.map((c) => c.endpoint)
    expect(endpoints).toContain('unix:///var/run/docker.sock')
    expect(endpoints).toContain(`unix://${home}/.docker/run/docker.sock`)
    expect(endpoints).toContain('unix:///run/user/1000/podman/podman.sock')
    expect(endpoints).toContain('unix:///run/podman/podman.sock')
  })

  it('honours DOCKER_CONTEXT and ignores the default context', () => {
    const home = homeWithContext('other', 'tcp://10.0.0.1:2376')
    expect(engineCandidates({ env: { DOCKER_CONTEXT: 'default' }, home, platform: 'linux', uid: 0 })[0].endpoint).toBe(
      'unix:///var/run/docker.sock',
    )
  })

  it('offers named pipes on Windows', () => {
    expect(engineCandidates({ env: {}, home: 'C:/Users/x', platform: 'win32' })[0].endpoint).toBe('npipe:////./pipe/docker_engine')
  })
})

describe('optionsForEndpoint', () => {
  it('maps each scheme to dockerode options', () => {
    expect(optionsForEndpoint('unix:///var/run/docker.sock', {})).toMatchObject({ socketPath: '/var/run/docker.sock' })
    expect(optionsForEndpoint('tcp://10.1.2.3:2375', {})).toEqual({ host: '10.1.2.3', port: 2375, protocol: 'http' })
    expect(optionsForEndpoint('tcp://h', { DOCKER_TLS_VERIFY: '1' })).toMatchObject({ host: 'h', port: 2376, protocol: 'https' })
    expect(optionsForEndpoint('ssh://root@127.0.0.1:2222', {})).toMatchObject({
      protocol: 'ssh',
      host: '127.0.0.1',
      port: 2222,
      username: 'root',
    })
    expect(optionsForEndpoint('npipe:////./pipe/docker_engine', {})).toEqual({ socketPath: '\\\\.\\pipe\\docker_engine' })
  })

  it('rejects what is not an engine address with a readable message', () => {
    expect(() => optionsForEndpoint('not a url', {})).toThrow(/not an engine address/)
    expect(() => optionsForEndpoint('ftp://x', {})).toThrow(/Unsupported engine address scheme "ftp:"/)
  })
})
