import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TerminalInfo } from '../../src/shared/terminal'
import { HIGH_WATER } from '../../src/main/terminal/terminalSession'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, dockerHost, testDocker, waitFor } from './support/engine'
import { SocketRelay } from './support/socketRelay'
import { openExec, viewTerminal } from './support/terminal'
import { inputChunks } from '../../src/shared/terminalInput'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
})

async function processes(id: string): Promise<string[]> {
  const top = (await docker.getContainer(id).top()) as { Titles: string[]; Processes: string[][] }
  const cmd = top.Titles.indexOf('CMD')
  return top.Processes.map((p) => p[cmd])
}

describe('exec terminals (docker exec -it)', () => {
  it('round-trips typing, follows resize, and reports the exit code', async () => {
    const c = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, c.id)
    expect(info).toMatchObject({ kind: 'exec', readOnly: false, status: { state: 'open' } })
    expect(info.container?.id).toBe(c.id)
    const view = viewTerminal(ctx.api, info)
    view.type('echo hello-$((40+2))\r')
    await waitFor(() => view.text().includes('hello-42'), 'the echo')
    view.resize(132, 43)
    await new Promise((r) => setTimeout(r, 200))
    view.type('stty size\r')
    await waitFor(() => view.text().includes('43 132'), 'stty size to show the new size')
    view.type('exit 3\r')
    await waitFor(() => view.status(), 'the shell to exit')
    expect(view.status()).toEqual({ state: 'ended', reason: 'exited', exitCode: 3 })
    expect(view.ended()).toBe(true)
    // The ended session stays listed with its output until its tab is closed.
    const listed = await ok<TerminalInfo[]>(ctx.api, 'terminals.list')
    expect(listed.find((t) => t.id === info.id)?.status).toEqual({ state: 'ended', reason: 'exited', exitCode: 3 })
    await ok(ctx.api, 'terminals.close', { id: info.id })
    expect((await ok<TerminalInfo[]>(ctx.api, 'terminals.list')).some((t) => t.id === info.id)).toBe(false)
  })

  it('runs the chosen command, user, workdir and env', async () => {
    const c = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, c.id, {
      command: ['sh', '-c', 'echo "$(id -u):$(pwd):$GREETING"'],
      user: '65534',
      workdir: '/tmp',
      env: ['GREETING=hi there'],
    })
    expect(info.command).toBe('sh -c echo "$(id -u):$(pwd):$GREETING"')
    const view = viewTerminal(ctx.api, info)
    await waitFor(() => view.status(), 'the command to finish')
    expect(view.text()).toContain('65534:/tmp:hi there')
    expect(view.status()?.exitCode).toBe(0)
  })

  it('an exec that cannot start (no such user, no such folder) says why at once', async () => {
    const c = await createTestContainer(docker, { start: true })
    for (const [options, words] of [
      [{ user: 'nosuchuser' }, 'unable to find user nosuchuser'],
      [{ workdir: '/no/such/dir' }, '/no/such/dir'],
    ] as const) {
      const started = Date.now()
      const info = await openExec(ctx.api, c.id, options)
      const view = viewTerminal(ctx.api, info)
      await waitFor(() => view.status(), 'the failed exec to end')
      // dockerd holds a resize of an exec that never started for 10 s; opening must not wait for it.
      expect(Date.now() - started).toBeLessThan(5000)
      expect(view.text()).toContain(words)
      expect(view.status()).toMatchObject({ state: 'ended', reason: 'exited', exitCode: 126 })
    }
  })

  it('takes a large paste whole, in the chunks the page sends', async () => {
    const c = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, c.id, {
      command: [
        'sh',
        '-c',
        'stty -echo; head -c 300000 > /tmp/paste; echo "got $(wc -c < /tmp/paste) bytes, $(grep -c é /tmp/paste) lines"',
      ],
    })
    const view = viewTerminal(ctx.api, info)
    await new Promise((r) => setTimeout(r, 300))
    const line = `${'x'.repeat(97)}é\n` // 100 bytes in UTF-8
    const chunks = inputChunks(line.repeat(3000))
    expect(chunks.length).toBeGreaterThan(4)
    for (const chunk of chunks) view.type(chunk)
    await waitFor(() => view.status(), 'the paste to be read')
    expect(view.text()).toContain('got 300000 bytes, 3000 lines')
  })

  it('keeps a multi-byte character whole when its bytes arrive in separate chunks', async () => {
    const c = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, c.id, { command: ['sh', '-c', "printf '\\342'; sleep 0.3; printf '\\202\\254-done'"] })
    const view = viewTerminal(ctx.api, info)
    await waitFor(() => view.status(), 'printf to finish')
    // The split really happened on the wire, and the bytes are intact end to end.
    expect(view.chunks.length).toBeGreaterThanOrEqual(2)
    expect(view.bytes().includes(Buffer.from('€-done'))).toBe(true)
  })

  it('closing the tab ends the shell and what it started inside the container', async () => {
    const c = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, c.id)
    const view = viewTerminal(ctx.api, info)
    view.type('sleep 4242\r')
    await waitFor(async () => (await processes(c.id)).some((p) => p.includes('sleep 4242')), 'sleep to run')
    await ok(ctx.api, 'terminals.close', { id: info.id })
    // Closed means ended: only the container's own process is left (the shell, its sleep and the hang-up helper are gone).
    expect((await processes(c.id)).join('|')).toBe('sleep 3600')
    expect(view.ended()).toBe(true)
  })

  it('ends with "container stopped" when the container stops under it', async () => {
    const c = await createTestContainer(docker, { start: true })
    const view = viewTerminal(ctx.api, await openExec(ctx.api, c.id))
    await c.kill()
    await waitFor(() => view.status(), 'the session to end')
    expect(view.status()).toMatchObject({ state: 'ended', reason: 'container-stopped' })
  })

  it('ends with "engine lost" when the engine goes away, without hanging', async () => {
    const relay = new SocketRelay(dockerHost().replace(/^unix:\/\//, ''))
    await relay.start()
    const viaRelay = await startApi(`unix://${relay.path}`)
    try {
      const c = await createTestContainer(docker, { start: true })
      const view = viewTerminal(viaRelay.api, await openExec(viaRelay.api, c.id))
      view.type('echo up-$((1+2))\r')
      await waitFor(() => view.text().includes('up-3'), 'the shell through the relay')
      await relay.stop()
      await waitFor(() => view.status(), 'the session to end', 3000)
      expect(view.status()).toMatchObject({ state: 'ended', reason: 'engine-lost' })
      // Typing into the dead session is ignored, not an error.
      view.type('echo ignored\r')
    } finally {
      await viaRelay.app.dispose()
      relay.dispose()
    }
  })

  it('refuses a stopped container and bad options with clear messages', async () => {
    const c = await createTestContainer(docker)
    const stopped = await fails(ctx.api, 'terminals.exec', { container: c.id, cols: 80, rows: 24 })
    expect(stopped.code).toBe('conflict')
    expect(stopped.message).toMatch(/is not running; start it/)
    const bad = await fails(ctx.api, 'terminals.exec', { container: c.id, cols: 80, rows: 24, workdir: 'tmp', env: ['=x'] })
    expect(bad.code).toBe('invalid_input')
    expect(bad.fields?.workdir).toMatch(/absolute path/)
    expect(bad.fields?.['env.0']).toMatch(/KEY=VALUE/)
    const missing = await fails(ctx.api, 'terminals.exec', { container: 'no-such-container-xyz', cols: 80, rows: 24 })
    expect(missing.code).toBe('not_found')
    const noCommand = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, noCommand.id, { command: ['/no/such/binary'] })
    const view = viewTerminal(ctx.api, info)
    await waitFor(() => view.status(), 'the failed exec to end')
    expect(view.status()?.exitCode).not.toBe(0)
  })
})

describe('flow control and replay', () => {
  it('stops reading a flood the viewer has not rendered, resumes on acks, and Ctrl-C stops it within a second', async () => {
    const c = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, c.id)
    const view = viewTerminal(ctx.api, info, { ack: false })
    view.type('yes wharf-flood-line\r')
    await waitFor(() => view.received() > HIGH_WATER, 'the flood to start')
    await new Promise((r) => setTimeout(r, 500))
    const held = view.received()
    await new Promise((r) => setTimeout(r, 500))
    // Paused: at most what was in flight when the window filled.
    expect(view.received() - held).toBeLessThan(256 * 1024)
    expect(view.received()).toBeLessThan(HIGH_WATER + 512 * 1024)
    view.ack(view.received())
    await waitFor(() => view.received() > held + HIGH_WATER, 'output to resume after the ack')
    view.type(Buffer.from([0x03]))
    const interruptedAt = Date.now()
    let mark = view.text().length
    await waitFor(
      () => {
        view.ack(view.received())
        const text = view.text()
        const quiet = text.length === mark
        mark = text.length
        return quiet && /\^C|# $|\$ $/.test(text.slice(-200)) ? true : undefined
      },
      'the flood to stop after Ctrl-C',
      5000,
    )
    expect(Date.now() - interruptedAt).toBeLessThan(2000)
    view.type('echo after-$((1+1))\r')
    await waitFor(() => view.text().includes('after-2'), 'the shell to answer again')
  })

  it('replays what a viewer missed, once, when it comes back', async () => {
    const c = await createTestContainer(docker, { start: true })
    const info = await openExec(ctx.api, c.id)
    const first = viewTerminal(ctx.api, info)
    first.type('echo before-$((2*3))\r')
    await waitFor(() => first.text().includes('before-6'), 'the first output')
    first.close()
    const again = viewTerminal(ctx.api, info)
    await waitFor(() => again.text().includes('before-6'), 'the replay')
    expect(again.starts()).toBe(1)
    again.type('echo after-$((2*4))\r')
    await waitFor(() => again.text().includes('after-8'), 'live output after the replay')
    expect(again.text().split('before-6').length - 1).toBe(1)
  })
})

describe('attach terminals (docker attach)', () => {
  it('types into the main process of a -it container and detaches with Ctrl-P Ctrl-Q, leaving it running', async () => {
    const c = await createTestContainer(docker, { start: true, tty: true, cmd: ['sh'] })
    const info = await ok<TerminalInfo>(ctx.api, 'terminals.attach', { container: c.id, cols: 80, rows: 24 })
    expect(info).toMatchObject({ kind: 'attach', readOnly: false, command: 'sh', detachKeys: 'ctrl-p,ctrl-q' })
    const view = viewTerminal(ctx.api, info)
    view.type('echo attached-$((6*7))\r')
    await waitFor(() => view.text().includes('attached-42'), 'the attached echo')
    view.type(Buffer.from([0x10, 0x11]))
    await waitFor(() => view.status(), 'the detach')
    expect(view.status()).toEqual({ state: 'ended', reason: 'detached', exitCode: null })
    expect((await c.inspect()).State.Running).toBe(true)
  })

  it('reports the exit code when the main process exits, and honours custom detach keys', async () => {
    const c = await createTestContainer(docker, { start: true, tty: true, cmd: ['sh'] })
    const info = await ok<TerminalInfo>(ctx.api, 'terminals.attach', { container: c.id, detachKeys: 'ctrl-x', cols: 80, rows: 24 })
    const view = viewTerminal(ctx.api, info)
    view.type('exit 7\r')
    await waitFor(() => view.status(), 'the process to exit')
    expect(view.status()).toEqual({ state: 'ended', reason: 'exited', exitCode: 7 })
    const bad = await fails(ctx.api, 'terminals.attach', { container: c.id, detachKeys: 'ctrl-pq', cols: 80, rows: 24 })
    expect(bad.fields?.detachKeys).toMatch(/ctrl-p,ctrl-q/)
  })

  it('shows the output of a container without a TTY, read-only', async () => {
    const c = await createTestContainer(docker, {
      start: true,
      cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; echo "warn $i" >&2; sleep 0.2; done'],
    })
    const info = await ok<TerminalInfo>(ctx.api, 'terminals.attach', { container: c.id, cols: 80, rows: 24 })
    expect(info.readOnly).toBe(true)
    const view = viewTerminal(ctx.api, info)
    await waitFor(() => /tick \d+/.test(view.text()) && /warn \d+/.test(view.text()), 'stdout and stderr')
    // No frame headers leak through: only the text.
    expect(view.bytes().includes(Buffer.from([1, 0, 0, 0]))).toBe(false)
    await ok(ctx.api, 'terminals.close', { id: info.id })
    expect((await c.inspect()).State.Running).toBe(true)
  })
})

describe('host terminal', () => {
  it('is a shell whose docker CLI talks to the engine Wharf is connected to', async () => {
    const c = await createTestContainer(docker, { start: true })
    const name = (await c.inspect()).Name.slice(1)
    const info = await ok<TerminalInfo>(ctx.api, 'terminals.host', { cols: 200, rows: 24 })
    expect(info.kind).toBe('host')
    const view = viewTerminal(ctx.api, info)
    view.type('echo "ctx=[$DOCKER_CONTEXT]"; docker ps --format "{{.Names}}"\r')
    await waitFor(() => view.text().includes(name), 'docker ps to list the test container', 15_000)
    expect(view.text()).toContain('ctx=[]')
    view.type('exit 5\r')
    await waitFor(() => view.status(), 'the shell to exit')
    expect(view.status()).toEqual({ state: 'ended', reason: 'exited', exitCode: 5 })
  })
})
