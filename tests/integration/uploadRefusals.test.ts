/**
 * Uploads that main refuses: the client, still sending, must read the refusal (a 4xx
 * with the reason in the usual envelope), never a reset connection or a 502 that blames
 * the engine for what was wrong with the upload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserMode } from '../../src/main/browserMode'
import { transferRoutes } from '../../src/main/downloads/transfers'
import { createTransferHandler } from '../../src/main/transport/transferScheme'
import { browserClient, within, type BrowserClient } from './support/browserClient'
import { cleanup, runId, testDocker, waitFor } from './support/engine'
import { readAll } from './support/volumes'

const TOKEN = 'integration-token-upload'
const docker = testDocker()
let app: BrowserMode
let base: string
let client: BrowserClient
let cookie: string
let volume: string

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
  app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root })
  base = `http://127.0.0.1:${app.port}`
  client = browserClient(base, TOKEN)
  cookie = await client.sessionCookie()
  volume = `wharf-it-${Date.now().toString(36)}-refuse`
  await docker.createVolume({ Name: volume, Labels: { 'wharf.test': runId } })
})
afterAll(async () => {
  await app.close()
  await cleanup(docker)
})

/** A tar whose first entry climbs out of the folder, followed by `padding` bytes of an honest file. */
async function hostileTar(padding: number): Promise<Buffer> {
  const tar = pack()
  tar.entry({ name: '../escape.txt' }, 'gotcha\n')
  tar.entry({ name: 'big.bin' }, Buffer.alloc(padding, 7))
  tar.finalize()
  return readAll(tar)
}

async function post(ticket: string, body: RequestInit['body']): Promise<Response> {
  return within(
    fetch(`${base}/upload/${ticket}`, {
      method: 'POST',
      body,
      headers: { cookie, origin: base, 'x-wharf-upload': '1' },
      duplex: 'half',
    }),
    15_000,
    'the answer to the upload',
  )
}

async function envelope(res: Response): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return (await res.json()) as { ok: boolean; error?: { code: string; message: string } }
}

const target = (): { kind: 'volume'; name: string } => ({ kind: 'volume', name: volume })

describe('a refused upload', () => {
  it('an archive with an entry climbing out: 400 with the reason, not a reset connection', async () => {
    const ticket = await client.ticket('transfers.upload', { kind: 'extract', target: target(), dir: '' })
    const res = await post(ticket, await hostileTar(4 * 1024 * 1024))
    expect(res.status).toBe(400)
    const reply = await envelope(res)
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(reply.error?.message).toMatch(/escape\.txt.*climbs out/)
    await waitFor(() => app.stats().uploads === 0, 'the upload slot to be free', 5_000)
  })

  it('an archive with an entry climbing out, through the desktop scheme: 400 with the reason, the body let go', async () => {
    const handler = createTransferHandler(transferRoutes(app.app))
    const ticket = await client.ticket('transfers.upload', { kind: 'extract', target: target(), dir: '' })
    const tar = await hostileTar(4 * 1024 * 1024)
    let offset = 0
    let cancelled = false
    // The page's body as Electron hands it over: a stream main pulls from, that nobody else will read.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= tar.length) return controller.close()
        controller.enqueue(tar.subarray(offset, (offset += 64 * 1024)))
      },
      cancel() {
        cancelled = true
      },
    })
    const res = await handler(
      new Request(`wharf-download://app/upload/${ticket}`, { method: 'POST', body, headers: { 'x-wharf-upload': '1' }, duplex: 'half' }),
    )
    expect(res.status).toBe(400)
    const reply = await envelope(res)
    expect(reply.error?.message).toMatch(/escape\.txt.*climbs out/)
    await waitFor(() => cancelled, 'the refused body to be cancelled', 2_000)
  })

  it('a restore into a volume that has files: 409 with the reason, read before the body', async () => {
    await post(await client.ticket('transfers.upload', { kind: 'files', target: target(), dir: '', file: 'a.txt', size: 2 }), 'hi')
    const ticket = await client.ticket('transfers.upload', { kind: 'restore', volume })
    const res = await post(ticket, Buffer.alloc(4 * 1024 * 1024, 1))
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('a file whose body ends short of its declared size: 400 saying so, not 502 "internal"', async () => {
    const ticket = await client.ticket('transfers.upload', { kind: 'files', target: target(), dir: '', file: 'short.txt', size: 5 })
    // Streamed (chunked, no Content-Length), as a client that gives up midway sends it.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('abc'))
        controller.close()
      },
    })
    const res = await post(ticket, body)
    expect(res.status).toBe(400)
    const reply = await envelope(res)
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(reply.error?.message).toMatch(/stopped after 3 of 5 bytes/)
  })

  it('a file named ../x is refused as invalid input when the ticket is asked for', async () => {
    const refused = await client.call('transfers.upload', { kind: 'files', target: target(), dir: '', file: '../x', size: 1 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
