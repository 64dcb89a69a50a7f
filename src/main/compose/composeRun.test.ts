import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { composeArgs, engineEnvironment, readComposeFile } from './composeRun'
import { versionOf, type ComposeTool } from './composeTool'

const plugin: ComposeTool = { name: 'docker compose', command: 'docker', base: ['compose'], version: '2.24.5' }
const standalone: ComposeTool = { name: 'docker-compose', command: 'docker-compose', base: [], version: '1.29.2' }

describe('compose tool runs', () => {
  it('reads each tool’s version line', () => {
    expect(versionOf('v2.24.5')).toBe('2.24.5')
    expect(versionOf('1.29.2')).toBe('1.29.2')
    expect(versionOf('podman-compose version 1.0.6')).toBe('1.0.6')
  })

  it('builds argument arrays, never a command line', () => {
    expect(composeArgs(plugin, '/p/compose.yaml', 'shop', 'up', { build: true })).toEqual([
      'compose',
      '-f',
      '/p/compose.yaml',
      '-p',
      'shop',
      'up',
      '-d',
      '--build',
    ])
    expect(composeArgs(standalone, '/p/a b;rm -rf.yml', undefined, 'down', {})).toEqual(['-f', '/p/a b;rm -rf.yml', 'down'])
  })

  it('points the tool at the chosen engine, and explains what it cannot reach', () => {
    const env = engineEnvironment('unix:///run/x.sock', undefined, { DOCKER_CONTEXT: 'remote', PATH: '/bin' })
    expect(env).toMatchObject({ DOCKER_HOST: 'unix:///run/x.sock', PATH: '/bin' })
    expect(env.DOCKER_CONTEXT).toBeUndefined()
    const ssh = engineEnvironment('ssh://me@build:22', { kind: 'ssh', user: 'me', host: 'build', port: 22 } as never, {
      DOCKER_TLS_VERIFY: '1',
    })
    expect(ssh.DOCKER_TLS_VERIFY).toBeUndefined()
    const tls = engineEnvironment(
      'tcp://h:2376',
      {
        kind: 'tls',
        host: 'h',
        port: 2376,
        ca: { from: 'file', path: '/c/ca.pem' },
        cert: { from: 'file', path: '/c/cert.pem' },
        key: { from: 'file', path: '/c/key.pem' },
      },
      {},
    )
    expect(tls).toMatchObject({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' })
    expect(() =>
      engineEnvironment('tcp://h:2376', { kind: 'tls', host: 'h', port: 2376, ca: { from: 'text', pem: 'x' } } as never, {}),
    ).toThrow(/ca.pem, cert.pem and key.pem in one folder/)
    expect(() => engineEnvironment(undefined, undefined, {})).toThrow(/not connected/)
  })

  it('reads only absolute YAML files, saying what is wrong otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-compose-file-'))
    const app = join(dir, 'My_App')
    mkdirSync(app)
    writeFileSync(join(app, 'compose.yaml'), 'services: {}\n')
    await expect(readComposeFile(join(app, 'compose.yaml'))).resolves.toEqual({
      path: join(app, 'compose.yaml'),
      text: 'services: {}\n',
      defaultProject: 'my_app',
    })
    expect((await readComposeFile(join(app, 'compose.yaml'), 'docker-compose')).defaultProject).toBe('myapp')
    await expect(readComposeFile('compose.yaml')).rejects.toThrow('is not an absolute path')
    await expect(readComposeFile(join(app, 'x.txt'))).rejects.toThrow('expected a .yml or .yaml file')
    await expect(readComposeFile(join(app, 'none.yml'))).rejects.toThrow(`No file at ${join(app, 'none.yml')}`)
    mkdirSync(join(app, 'dir.yml'))
    await expect(readComposeFile(join(app, 'dir.yml'))).rejects.toThrow('is not a file')
  })
})
