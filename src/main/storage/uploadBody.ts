/**
 * An uploaded body on its way in. A cancelled HTTP upload either errors (ECONNRESET) or
 * only closes before its end, depending on when its socket went; both count as failed.
 * Targets that cannot rename (no shell) get the body spooled to this machine first, so
 * nothing reaches the engine until all of it has arrived.
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

/** Calls `fail` once if `body` errors or closes before its end. */
export function onBodyFailure(body: Readable, fail: (err: Error) => void): void {
  let done = false
  const once = (err: Error): void => {
    if (done) return
    done = true
    fail(err)
  }
  body.once('error', once)
  body.once('close', () => {
    if (!body.readableEnded) once(new Error('The upload was closed before its end'))
  })
  // Gone before anyone listened: its events have passed.
  if (body.destroyed && !body.readableEnded) process.nextTick(() => once(body.errored ?? new Error('The upload was closed before its end')))
}

export interface Spooled {
  file: string
  bytes: number
  dispose(): Promise<void>
}

/** A spool whose body failed; `bytes` had arrived. */
export class SpoolFailed extends Error {
  constructor(
    readonly bytes: number,
    cause: Error,
  ) {
    super(cause.message)
  }
}

/** `body` in a temporary file (a `wharf-upload-*` folder in the OS temp folder), counted; nothing is left on failure. */
export async function spool(body: Readable): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'wharf-upload-'))
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true })
  const file = join(dir, 'body')
  let bytes = 0
  try {
    // Listeners and pipe in one go: the body must not start flowing before it is written somewhere.
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(file)
      onBodyFailure(body, (err) => {
        out.destroy()
        reject(new SpoolFailed(bytes, err))
      })
      out.once('error', reject)
      out.once('close', resolve)
      body.on('data', (chunk: Buffer) => (bytes += chunk.length))
      body.pipe(out)
    })
  } catch (err) {
    await dispose()
    throw err
  }
  return { file, bytes, dispose }
}
