import { describe, expect, it } from 'vitest'
import { WharfError } from '../../shared/errors'
import { engineHost, publishedPortUrl } from './publishedPort'

const owner = (ports: Record<string, Array<{ HostIp?: string; HostPort?: string }> | null>) => ({
  Name: '/web',
  NetworkSettings: { Ports: ports },
})

describe('publishedPortUrl', () => {
  it('reaches a wildcard bind on the engine’s own host for TCP, TLS and SSH engines, localhost for sockets', () => {
    const web = owner({
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
    })
    expect(publishedPortUrl(web, 80, 'tcp', 'unix:///var/run/docker.sock')).toBe('http://localhost:8080/')
    expect(publishedPortUrl(web, 80, 'tcp', 'tcp://10.1.2.3:2376')).toBe('http://10.1.2.3:8080/')
    expect(publishedPortUrl(web, 80, 'tcp', 'ssh://me@build.example')).toBe('http://build.example:8080/')
    expect(publishedPortUrl(web, 80, 'tcp', 'tcp://[fd00::5]:2375')).toBe('http://[fd00::5]:8080/')
    expect(engineHost('npipe:////./pipe/docker_engine')).toBe('localhost')
  })

  it('uses https for 443 and 8443, and a specific address as bound', () => {
    expect(publishedPortUrl(owner({ '443/tcp': [{ HostIp: '', HostPort: '9443' }] }), 443, 'tcp', undefined)).toBe(
      'https://localhost:9443/',
    )
    expect(publishedPortUrl(owner({ '8443/tcp': [{ HostIp: '192.168.1.4', HostPort: '1' }] }), 8443, 'tcp', 'tcp://h:2375')).toBe(
      'https://192.168.1.4:1/',
    )
  })

  it('refuses a loopback-only bind on a remote engine, and what is not a published TCP port', () => {
    const loop = owner({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] })
    expect(publishedPortUrl(loop, 80, 'tcp', 'unix:///s')).toBe('http://127.0.0.1:8080/')
    expect(() => publishedPortUrl(loop, 80, 'tcp', 'tcp://10.1.2.3:2376')).toThrow(/loopback address of the engine's machine/)
    expect(() => publishedPortUrl(owner({ '80/tcp': null }), 80, 'tcp', undefined)).toThrow(
      'Port 80/tcp of web is not published on the host.',
    )
    expect(() => publishedPortUrl(owner({}), 80, 'tcp', undefined)).toThrow(WharfError)
    expect(() => publishedPortUrl(owner({ '53/udp': [{ HostPort: '53' }] }), 53, 'udp', undefined)).toThrow(/not TCP/)
  })
})
