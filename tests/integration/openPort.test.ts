/**
 * containers.openPort: the web address of a published port, built in main from the
 * engine's binding, against a real container serving http (busybox httpd).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fails, ok, startApi, type TestApp } from './support/app'
import { cleanup, TEST_IMAGE, testDocker, testLabels, uniqueName } from './support/engine'

const docker = testDocker()
let plain: TestApp
let desktop: TestApp
const opened: string[] = []
let id = ''
let name = ''

beforeAll(async () => {
  plain = await startApi()
  desktop = await startApi(undefined, {
    openExternal: (url) => {
      opened.push(url)
      return Promise.resolve()
    },
  })
  name = uniqueName('ports')
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Cmd: ['httpd', '-f', '-p', '80', '-h', '/etc'],
    Labels: testLabels,
    ExposedPorts: { '80/tcp': {}, '8443/tcp': {}, '9000/tcp': {}, '53/udp': {} },
    HostConfig: {
      PortBindings: {
        '80/tcp': [{ HostPort: '' }],
        '8443/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        '53/udp': [{ HostPort: '' }],
      },
    },
    StopTimeout: 1,
  })
  await c.start()
  id = c.id
})

afterAll(async () => {
  await plain.app.dispose()
  await desktop.app.dispose()
  await cleanup(docker)
})

describe('containers.openPort', () => {
  it('answers http on localhost at the published host port, which reaches the container (browser mode opens nothing)', async () => {
    const info = await docker.getContainer(id).inspect()
    const hostPort = info.NetworkSettings.Ports['80/tcp'][0].HostPort
    const result = await ok<{ url: string; opened: boolean }>(plain.api, 'containers.openPort', { id, port: 80, protocol: 'tcp' })
    expect(result).toEqual({ url: `http://localhost:${hostPort}/`, opened: false })
    const page = await fetch(`${result.url}hostname`)
    expect(page.status).toBe(200)
    expect((await page.text()).trim()).toBe(info.Config.Hostname)
  })

  it('opens it in the desktop through the shell it was given, by name too', async () => {
    const result = await ok<{ url: string; opened: boolean }>(desktop.api, 'containers.openPort', { id: name, port: 80 })
    expect(result.opened).toBe(true)
    expect(opened).toEqual([result.url])
    expect(result.url).toMatch(/^http:\/\/localhost:\d+\/$/)
  })

  it('uses https for 8443 and the one address it is bound to', async () => {
    const info = await docker.getContainer(id).inspect()
    const hostPort = info.NetworkSettings.Ports['8443/tcp'][0].HostPort
    const result = await ok<{ url: string }>(plain.api, 'containers.openPort', { id, port: 8443 })
    expect(result.url).toBe(`https://127.0.0.1:${hostPort}/`)
  })

  it('says why when there is nothing to open', async () => {
    const before = opened.length
    expect(await fails(desktop.api, 'containers.openPort', { id, port: 81 })).toMatchObject({
      code: 'not_found',
      message: `${name} has no port 81/tcp.`,
    })
    expect(await fails(desktop.api, 'containers.openPort', { id, port: 9000 })).toMatchObject({
      code: 'not_found',
      message: `Port 9000/tcp of ${name} is not published on the host.`,
    })
    expect(await fails(desktop.api, 'containers.openPort', { id, port: 53, protocol: 'udp' })).toMatchObject({
      code: 'invalid_input',
      message: `53/udp of ${name} is not TCP, so it serves no web page to open.`,
    })
    expect(opened.length).toBe(before)
  })

  it('refuses a free address, a bad port, and a container that is gone (with the engine’s words)', async () => {
    const before = opened.length
    expect((await fails(desktop.api, 'containers.openPort', { id, port: 80, url: 'http://evil.example/' })).code).toBe('invalid_input')
    expect((await fails(desktop.api, 'containers.openPort', { id, port: 0 })).code).toBe('invalid_input')
    expect((await fails(desktop.api, 'containers.openPort', { id, port: 70000 })).code).toBe('invalid_input')
    const gone = await docker.createContainer({ Image: TEST_IMAGE, name: uniqueName('gone'), Labels: testLabels })
    await gone.remove()
    const error = await fails(desktop.api, 'containers.openPort', { id: gone.id, port: 80 })
    expect(error.code).toBe('not_found')
    expect(error.message).toMatch(/No such container/i)
    expect(opened.length).toBe(before)
  })
})
