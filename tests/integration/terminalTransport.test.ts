import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserMode, type BrowserMode } from '../../src/main/browserMode'
import { Terminals } from '../../src/main/terminal/terminals'
import type { ServerMessage } from '../../src/shared/protocol'
import { decodeFrame, encodeFrame, FRAME, type TerminalInfo } from '../../src/shared/terminal'
import { startApi } from './support/app'
import { cleanup, createTestContainer, testDocker, waitFor } from './support/engine'

const TOKEN = 'integration-token-terminal'
const docker = testDocker()
let app: BrowserMode
let base: string

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
  app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root })
  base = `http://127.0.0.1:${app.port}`
})
afterAll(async () => {
  await app.close()
  await cleanup(docker)
})

async function connect(): Promise<WebSocket> {
  const res = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${app.port}/api`, { headers: { cookie, origin: base } })
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

/** Text messages parsed, binary frames decoded, both kept in arrival order. */
function record(ws: WebSocket) {
  const json: ServerMessage[] = []
  const frames: { kind: number; id: number; payload: Buffer }[] = []
  ws.on('message', (raw: Buffer, isBinary) => {
    if (isBinary) {
      const frame = decodeFrame(new Uint8Array(raw))
      if (frame) frames.push({ ...frame, payload: Buffer.from(frame.payload) })
    } else json.push(JSON.parse(raw.toString('utf8')) as ServerMessage)
  })
  return { json, frames, text: (sub: number) => Buffer.concat(frames.filter((f) => f.id === sub).map((f) => f.payload)).toString() }
}

describe('terminals over the browser-mode WebSocket', () => {
  it('carries output and input as binary frames, and resize and acks as signals', async () => {
    const c = await createTestContainer(docker, { start: true })
    const ws = await connect()
    const got = record(ws)
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'terminals.exec', input: { container: c.id, cols: 80, rows: 24 }, engine: 'local' }))
    const result = await waitFor(() => got.json.find((m) => m.t === 'result' && m.id === 1), 'the exec result')
    expect(result).toMatchObject({ ok: true })
    const info = (result as { result: TerminalInfo }).result
    ws.send(JSON.stringify({ t: 'sub', id: 2, stream: 'terminals.output', input: { id: info.id, viewer: 'w1' } }))
    await waitFor(() => got.json.find((m) => m.t === 'event' && m.id === 2), 'the start event')
    ws.send(encodeFrame(FRAME.input, info.id, Buffer.from('echo wire-$((3*5))\r')))
    await waitFor(() => got.text(2).includes('wire-15'), 'the echo in binary frames')
    expect(got.frames.every((f) => f.kind === FRAME.output && f.id === 2)).toBe(true)
    ws.send(JSON.stringify({ t: 'signal', name: 'terminals.resize', input: { id: info.id, cols: 100, rows: 30 } }))
    ws.send(JSON.stringify({ t: 'signal', name: 'terminals.ack', input: { id: info.id, viewer: 'w1', bytes: 1000 } }))
    // A bad signal is dropped without an answer; the socket keeps working.
    ws.send(JSON.stringify({ t: 'signal', name: 'terminals.resize', input: { id: info.id, cols: -1, rows: 'x' } }))
    await new Promise((r) => setTimeout(r, 200))
    ws.send(encodeFrame(FRAME.input, info.id, Buffer.from('stty size\r')))
    await waitFor(() => got.text(2).includes('30 100'), 'the resized TTY')
    // An unknown binary frame kind is refused with a protocol error.
    ws.send(encodeFrame(9, info.id, Buffer.from('x')))
    await waitFor(() => got.json.find((m) => m.t === 'protocol-error'), 'the protocol error')
    ws.send(JSON.stringify({ t: 'call', id: 3, method: 'terminals.close', input: { id: info.id } }))
    await waitFor(() => got.json.find((m) => m.t === 'end' && m.id === 2), 'the output stream to end')
    ws.close()
  })
})

describe('--no-host-shell', () => {
  it('refuses the host terminal with a reason, and still opens container terminals', async () => {
    const ctx = await startApi()
    const terminals = new Terminals({ hostShell: false })
    try {
      await expect(terminals.host(ctx.engine, { cols: 80, rows: 24 })).rejects.toMatchObject({
        code: 'unsupported',
        message: /--no-host-shell/,
      })
      const c = await createTestContainer(docker, { start: true })
      const info = await terminals.exec(ctx.engine, { container: c.id, cols: 80, rows: 24 })
      expect(info.status.state).toBe('open')
    } finally {
      await terminals.closeAll()
      await ctx.app.dispose()
    }
  })
})

describe('sessions nobody watches', () => {
  it('are closed, with their processes, when the last client has been gone for the grace period', async () => {
    const ctx = await startApi()
    const terminals = new Terminals({ graceMs: 300 })
    try {
      const c = await createTestContainer(docker, { start: true })
      const gone = terminals.clientConnected()
      const info = await terminals.exec(ctx.engine, { container: c.id, command: ['sleep', '4343'], cols: 80, rows: 24 })
      gone()
      // A client that comes back within the grace period keeps its sessions.
      const back = terminals.clientConnected()
      await new Promise((r) => setTimeout(r, 500))
      expect(terminals.list().map((t) => t.id)).toEqual([info.id])
      back()
      await waitFor(() => terminals.list().length === 0, 'the orphaned session to close', 3000)
      await waitFor(async () => !JSON.stringify((await c.top()) as object).includes('4343'), 'the exec to end', 5000)
    } finally {
      await terminals.closeAll()
      await ctx.app.dispose()
    }
  })
})
