/**
 * Downloads whose source fails after the 200 and its headers were sent: the engine goes
 * away mid-stream (a relay in front of the real engine socket is cut, as a dying engine
 * cuts its connections). The client must see an error, not a hang or a short file that
 * looks complete, and the server must free the transfer.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserMode } from '../../src/main/browserMode'
import { transferRoutes } from '../../src/main/downloads/transfers'
import { createTransferHandler } from '../../src/main/transport/transferScheme'
import { browserClient, within, type BrowserClient } from './support/browserClient'
import { cleanup, createTestContainer, dockerHost, testDocker, waitFor } from './support/engine'
import { freshGet } from './support/flood'
import { SocketRelay } from './support/socketRelay'

const TOKEN = 'integration-token-5678'
const FILE_BYTES = 64 * 1024 * 1024
const docker = testDocker()
const relay = new SocketRelay(dockerHost().replace(/^unix:\/\//, ''))
let app: BrowserMode
let base: string
let client: BrowserClient
let cookie: string
let container: string
let rendererRoot: string

beforeAll(async () => {
  // Far bigger than every buffer between the engine and the client, so the cut always lands mid-stream.
  const c = await createTestContainer(docker, {
    cmd: ['sh', '-c', `mkdir /big && head -c ${FILE_BYTES} /dev/urandom > /big/blob && yes "a log line to pad the log" | head -c 33554432`],
  })
  await c.start()
  await c.wait()
  container = c.id
  await relay.start()
  rendererRoot = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Wharf</title>')
  app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot, engine: `unix://${relay.path}` })
  base = `http://127.0.0.1:${app.port}`
  client = browserClient(base, TOKEN)
  cookie = await client.sessionCookie()
})
let cut = false
async function cutEngine(): Promise<void> {
  cut = true
  await relay.stop()
}
beforeEach(async () => {
  // A test before cut the engine; the connection comes back on its own (with back-off).
  if (cut) await relay.start()
  cut = false
  await waitFor(
    () => app.app.engines.require('local').connection.getStatus().state === 'connected',
    'the engine to be reachable again',
    30_000,
  )
})
afterAll(async () => {
  await app.close()
  if (!cut) await relay.stop()
  relay.dispose()
  await cleanup(docker)
})

/** Reads what is left; resolves with the byte count and the error that ended the body, if one did. */
async function rest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ bytes: number; error?: unknown }> {
  let bytes = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return { bytes }
      bytes += value.length
    }
  } catch (error) {
    return { bytes, error }
  }
}

const cases: Array<{ what: string; spec: () => unknown; length?: number }> = [
  {
    what: 'a file, sent with its Content-Length',
    spec: () => ({ kind: 'files', target: { kind: 'container', id: container }, path: 'big/blob' }),
    length: FILE_BYTES,
  },
  { what: 'a folder, as a chunked tar', spec: () => ({ kind: 'files', target: { kind: 'container', id: container }, path: 'big' }) },
  { what: "a container's whole log, chunked", spec: () => ({ kind: 'logs', id: container, timestamps: false }) },
]

describe('a download whose source fails after its headers', () => {
  for (const { what, spec, length } of cases) {
    it(`${what}: ends with an error the client sees, and frees its slot`, async () => {
      const res = await fetch(`${base}/download/${await client.ticket('transfers.download', spec())}`, { headers: { cookie } })
      expect(res.status).toBe(200)
      if (length !== undefined) expect(res.headers.get('content-length')).toBe(String(length))
      const reader = res.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>
      const first = await reader.read()
      expect(first.done).toBe(false)
      await cutEngine()
      const { bytes, error } = await within(rest(reader), 15_000, 'the download to end')
      expect(error).toBeInstanceOf(Error)
      if (length !== undefined) expect((first.value?.length ?? 0) + bytes).toBeLessThan(length)
      await waitFor(() => app.stats().downloads === 0, 'the server to free the download', 5_000)
    })
  }

  for (const { what, spec } of cases) {
    it(`${what}, through the desktop scheme: the web stream errors`, async () => {
      const handler = createTransferHandler(transferRoutes(app.app))
      const response = await handler(new Request(`wharf-download://app/download/${await client.ticket('transfers.download', spec())}`))
      expect(response.status).toBe(200)
      const reader = response.body!.getReader()
      expect((await reader.read()).done).toBe(false)
      await cutEngine()
      const { error } = await within(rest(reader), 15_000, 'the download to end')
      expect(error).toBeInstanceOf(Error)
    })
  }
})

describe('a page file that fails while it is read', () => {
  it('ends with an error the client sees, and the server keeps serving', async () => {
    // Reading /proc/self/mem at offset 0 fails with EIO once the file is open: a read error after the 200.
    symlinkSync('/proc/self/mem', join(rendererRoot, 'unreadable.js'))
    // Refused, cut before the headers, or cut in the body: any of these, but not a hang or a complete-looking file.
    const outcome = await within(
      fetch(`${base}/unreadable.js`, { headers: { cookie } }).then<{ error?: unknown }, { error?: unknown }>(
        (res) => (res.status === 200 ? rest(res.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>) : { error: res.status }),
        (error: unknown) => ({ error }),
      ),
      5_000,
      'the page file to end',
    )
    expect(outcome.error).toBeDefined()
    expect((await freshGet(app.port, '/', { cookie }, 5_000)).status).toBe(200)
  })
})
