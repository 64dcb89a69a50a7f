/**
 * Browser mode's "Upload a folder" (build) and "Upload an archive" (load), through the
 * real HTTP route and the real engine: a build context made as the page makes it (tar
 * headers around the files' bytes), an archive made by `docker save`. Refusals (too big,
 * a path climbing out, not a tar) answer with the reason, and a cancelled upload leaves
 * no temporary folder behind. The server's temp folder is this file's own, so other runs
 * sharing /tmp cannot hide or fake a leftover.
 */
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TaskInfo } from '../../src/shared/tasks'
import { tarParts } from '../../src/shared/tarHeader'
import { startBrowserMode, type BrowserMode } from '../../src/main/browserMode'
import { browserClient, within, type BrowserClient } from './support/browserClient'
import { cleanup, runId, TEST_IMAGE, testDocker, waitFor } from './support/engine'
import { readAll } from './support/volumes'

const TOKEN = 'integration-token-image-uploads'
const docker = testDocker()
const serverTmp = mkdtempSync(join(tmpdir(), 'wharf-it-uploads-'))
const tags: string[] = []
let app: BrowserMode
let base: string
let client: BrowserClient

beforeAll(async () => {
  // os.tmpdir() reads TMPDIR on each call: the server's temporary folders go here.
  process.env.TMPDIR = serverTmp
  const root = mkdtempSync(join(serverTmp, 'renderer-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
  app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root })
  base = `http://127.0.0.1:${app.port}`
  client = browserClient(base, TOKEN)
})
afterAll(async () => {
  await app.close()
  await cleanup(docker)
  for (const tag of tags)
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined)
})

const leftovers = (): string[] => readdirSync(serverTmp).filter((name) => name.startsWith('wharf-build-upload-'))

function contextTar(files: Record<string, string | Buffer>): Buffer {
  const entries = Object.entries(files).map(([path, text]) => ({ path, body: Buffer.from(text), mtime: 1_700_000_000, mode: 0o755 }))
  return Buffer.concat(tarParts(entries))
}

async function post(ticket: string, body: RequestInit['body'], signal?: AbortSignal): Promise<Response> {
  // A session of its own: waiting for tasks opens many, and the server keeps only the newest.
  const cookie = await client.sessionCookie()
  return within(
    fetch(`${base}/upload/${ticket}`, {
      method: 'POST',
      body,
      headers: { cookie, origin: base, 'x-wharf-upload': '1' },
      duplex: 'half',
      signal,
    }),
    120_000,
    'the answer to the upload',
  )
}

type Reply = { ok: true; result: TaskInfo } | { ok: false; error: { code: string; message: string } }

async function ended(id: number): Promise<TaskInfo> {
  return waitFor(
    async () => {
      const reply = await client.call('tasks.list', {})
      const list = reply.t === 'result' && reply.ok ? (reply.result as TaskInfo[]) : []
      return list.find((t) => t.id === id && t.state !== 'running')
    },
    'the task to end',
    60_000,
  )
}

const buildSpec = (tag: string, dockerfile = 'Dockerfile') => ({
  kind: 'buildContext',
  name: 'my-app',
  build: { dockerfile, tags: [tag], buildArgs: [], noCache: false, pull: false },
})

describe('upload a build context', () => {
  it('builds from the uploaded folder, .dockerignore applied, and removes the temporary folder', async () => {
    const tag = `wharf-it/${runId}-uploaded:v1`
    tags.push(tag)
    const deep = `src/${'nested-folder-'.repeat(8)}/数据.txt`
    const ticket = await client.ticket('transfers.upload', buildSpec(tag, 'docker/App.Dockerfile'))
    const res = await post(
      ticket,
      contextTar({
        'docker/App.Dockerfile': `FROM ${TEST_IMAGE}\nCOPY . /ctx\nRUN find /ctx -type f > /listing && test -x /ctx/run.sh\n`,
        '.dockerignore': 'secret.txt\n',
        'run.sh': '#!/bin/sh\necho hi\n',
        'secret.txt': 'do not send',
        [deep]: 'long path, not ASCII',
      }),
    )
    const reply = (await res.json()) as Reply
    expect(reply).toMatchObject({ ok: true, result: { kind: 'build', subject: tag, state: 'running' } })
    if (!reply.ok) return
    const task = await ended(reply.result.id)
    expect(task.state, task.message).toBe('done')
    const container = await docker.createContainer({ Image: tag, Cmd: ['cat', '/listing'], Labels: { 'wharf.test': runId } })
    await container.start()
    await container.wait()
    const listing = (await container.logs({ stdout: true, follow: false })).toString()
    expect(listing).toContain('run.sh')
    expect(listing).toContain(`/ctx/${deep}`)
    expect(listing).not.toContain('secret.txt')
    expect(leftovers()).toEqual([])
  })

  it('a build that fails still removes the temporary folder, and says the step', async () => {
    const ticket = await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-fails:v1`))
    const res = await post(ticket, contextTar({ Dockerfile: `FROM ${TEST_IMAGE}\nRUN exit 3\n` }))
    const reply = (await res.json()) as Reply
    if (!reply.ok) throw new Error(reply.error.message)
    const task = await ended(reply.result.id)
    expect(task.state).toBe('failed')
    expect(task.message).toMatch(/RUN exit 3/)
    expect(leftovers()).toEqual([])
  })

  it('refuses an entry climbing out of the folder, and keeps nothing', async () => {
    const tar = pack()
    tar.entry({ name: 'Dockerfile' }, `FROM ${TEST_IMAGE}\n`)
    tar.entry({ name: 'sub/../../escape.txt' }, 'gotcha')
    tar.finalize()
    const res = await post(await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-escape:v1`)), await readAll(tar))
    expect(res.status).toBe(400)
    const reply = (await res.json()) as Reply
    expect(reply.ok ? '' : `${reply.error.code}: ${reply.error.message}`).toMatch(/^invalid_input: .*escape\.txt.*climbs out/)
    expect(leftovers()).toEqual([])
    expect(readdirSync(join(serverTmp, '..')).includes('escape.txt')).toBe(false)
  })

  it('refuses a link, even one inside the folder', async () => {
    const tar = pack()
    tar.entry({ name: 'Dockerfile' }, `FROM ${TEST_IMAGE}\n`)
    tar.entry({ name: 'etc', type: 'symlink', linkname: '/etc' })
    tar.finalize()
    const res = await post(await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-link:v1`)), await readAll(tar))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/etc: a link/)
    expect(leftovers()).toEqual([])
  })

  it('refuses a folder without the chosen Dockerfile, naming it', async () => {
    const res = await post(
      await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-nodf:v1`, 'Containerfile')),
      contextTar({ 'a.txt': 'a' }),
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { fields: { dockerfile: 'The uploaded folder has no file Containerfile' } },
    })
    expect(leftovers()).toEqual([])
  })

  it('refuses what is not a tar', async () => {
    const res = await post(await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-nottar:v1`)), Buffer.alloc(4096, 0x41))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not a complete tar archive/)
    expect(leftovers()).toEqual([])
  })

  it('refuses an upload over the limit in Settings, declared or counted', async () => {
    const before = app.app.settings.preferences()
    app.app.settings.setPreferences({ ...before, buildContextLimitMb: 1 })
    try {
      const big = contextTar({ Dockerfile: `FROM ${TEST_IMAGE}\n`, 'big.bin': Buffer.alloc(2 * 1024 * 1024, 7) })
      const declared = await post(await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-big:v1`)), big)
      expect(declared.status).toBe(400)
      expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(/larger than the limit of 1 MiB/)
      // Streamed without a Content-Length: counted as it comes and cut off at the limit.
      const counted = await post(
        await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-big:v1`)),
        Readable.toWeb(Readable.from([big])) as ReadableStream,
      )
      expect(counted.status).toBe(400)
      expect(((await counted.json()) as { error: { message: string } }).error.message).toMatch(/larger than the limit of 1 MiB/)
      expect(leftovers()).toEqual([])
    } finally {
      app.app.settings.setPreferences(before)
    }
  })

  it('a cancelled upload leaves no temporary folder', async () => {
    const tar = contextTar({ Dockerfile: `FROM ${TEST_IMAGE}\n`, 'big.bin': Buffer.alloc(8 * 1024 * 1024, 7) })
    const ticket = await client.ticket('transfers.upload', buildSpec(`wharf-it/${runId}-cancel:v1`))
    const abort = new AbortController()
    let sent = 0
    // Half the tar, then the page gives up (the user pressed Cancel).
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= tar.length / 2) {
          abort.abort()
          return
        }
        controller.enqueue(tar.subarray(sent, (sent += 256 * 1024)))
      },
    })
    await expect(post(ticket, body, abort.signal)).rejects.toThrow()
    await waitFor(() => app.stats().uploads === 0, 'the upload to be let go', 10_000)
    await waitFor(() => leftovers().length === 0, 'the temporary folder to be removed', 10_000)
  })
})

describe('upload an image archive', () => {
  let archive: string

  beforeAll(async () => {
    const tag = `wharf-it/${runId}-saved:v1`
    await docker.getImage(TEST_IMAGE).tag({ repo: `wharf-it/${runId}-saved`, tag: 'v1' })
    archive = join(serverTmp, 'saved.tar')
    await pipeline(await docker.getImage(tag).get(), createWriteStream(archive))
    await docker.getImage(tag).remove()
    tags.push(tag)
  })

  it('loads a `docker save` archive streamed from disk', async () => {
    const tag = `wharf-it/${runId}-saved:v1`
    const ticket = await client.ticket('transfers.upload', { kind: 'imageArchive', name: 'saved.tar' })
    const res = await post(ticket, Readable.toWeb(Readable.from(fileChunks(archive))) as ReadableStream)
    const reply = (await res.json()) as Reply
    expect(reply).toMatchObject({ ok: true, result: { kind: 'load', state: 'done' } })
    expect(reply.ok && reply.result.message).toContain(tag)
    expect((await docker.getImage(tag).inspect()).RepoTags).toContain(tag)
  })

  it('an archive that is not one: the engine refuses, in its own words', async () => {
    const ticket = await client.ticket('transfers.upload', { kind: 'imageArchive', name: 'notes.txt' })
    const res = await post(ticket, Buffer.from('just some text, not a tar'))
    expect(res.status).toBe(502)
    const reply = (await res.json()) as Reply
    expect(reply.ok).toBe(false)
    // dockerd: "Error processing tar file(exit status 1): unexpected EOF"
    expect(reply.ok ? '' : `${reply.error.code}: ${reply.error.message}`).toMatch(/^engine_error: .*tar/i)
  })

  it('an archive over the limit is refused before it reaches the engine', async () => {
    const before = app.app.settings.preferences()
    app.app.settings.setPreferences({ ...before, imageArchiveLimitMb: 1 })
    try {
      expect(statSync(archive).size).toBeGreaterThan(1024 * 1024)
      const ticket = await client.ticket('transfers.upload', { kind: 'imageArchive', name: 'saved.tar' })
      const res = await post(ticket, Readable.toWeb(Readable.from(fileChunks(archive))) as ReadableStream)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /image archive is larger than the limit of 1 MiB/,
      )
    } finally {
      app.app.settings.setPreferences(before)
    }
  })

  it('a cancelled archive upload ends its load task, and loads nothing', async () => {
    const tag = `wharf-it/${runId}-saved:v1`
    await docker
      .getImage(tag)
      .remove()
      .catch(() => undefined)
    const tar = readFileSync(archive)
    const abort = new AbortController()
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= tar.length / 2) return abort.abort()
        controller.enqueue(tar.subarray(sent, (sent += 64 * 1024)))
      },
    })
    const ticket = await client.ticket('transfers.upload', { kind: 'imageArchive', name: 'cancelled.tar' })
    await expect(post(ticket, body, abort.signal)).rejects.toThrow()
    await waitFor(() => app.stats().uploads === 0, 'the upload to be let go', 10_000)
    const reply = await client.call('tasks.list', {})
    const load = (reply.t === 'result' && reply.ok ? (reply.result as TaskInfo[]) : []).find((t) => t.subject === 'cancelled.tar')
    expect(load).toBeDefined()
    if (load) expect((await ended(load.id)).state).toBe('failed')
    await expect(docker.getImage(tag).inspect()).rejects.toThrow()
  })
})

async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const { createReadStream } = await import('node:fs')
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) yield chunk as Buffer
}
