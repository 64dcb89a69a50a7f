import type Dockerode from 'dockerode'
import { readdir } from 'node:fs/promises'
import { runId, TEST_IMAGE } from './engine'

export interface VolumeState {
  /** Every path in the volume (relative, sorted), with a checksum for files. */
  files: string[]
  /** Upload temporaries left anywhere in it. */
  temps: string[]
}

const LOOK =
  'cd /v || exit 3; find . -mindepth 1 | sort | while read -r p; do if [ -f "$p" ] && [ ! -L "$p" ]; then echo "$p $(md5sum < "$p" | cut -c1-8)"; else echo "$p"; fi; done'

/**
 * What the volume holds, as the engine shows it to a short-lived container of the test's
 * own (read-only, removed at once, so it never keeps the volume in use).
 */
export async function volumeState(docker: Dockerode, volume: string): Promise<VolumeState> {
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', LOOK],
    Labels: { 'wharf.test': runId },
    HostConfig: { Binds: [`${volume}:/v:ro`] },
  })
  try {
    await c.start()
    const { StatusCode } = (await c.wait()) as { StatusCode: number }
    const out = demux(await c.logs({ stdout: true, stderr: true }))
    if (StatusCode !== 0) throw new Error(`Could not look into ${volume}: ${out}`)
    const files = out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.replace(/^\.\//, ''))
    return { files, temps: files.filter((f) => /(^|\/)\.wharf-upload-/.test(f)) }
  } finally {
    await c.remove({ force: true })
  }
}

export async function volumeExists(docker: Dockerode, volume: string): Promise<boolean> {
  return docker
    .getVolume(volume)
    .inspect()
    .then(
      () => true,
      () => false,
    )
}

/** A non-TTY container's log: 8-byte frame headers stripped. */
function demux(raw: Buffer): string {
  const parts: Buffer[] = []
  for (let at = 0; at + 8 <= raw.length;) {
    const size = raw.readUInt32BE(at + 4)
    parts.push(raw.subarray(at + 8, at + 8 + size))
    at += 8 + size
  }
  return Buffer.concat(parts).toString('utf8')
}

/** `wharf-upload-*` folders Wharf left in `dir` (the test's own temp folder). */
export async function hostTemps(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith('wharf-upload-'))
}

/** Polls `probe` until `done` says so, bounded; returns the last value either way (assert on it). */
export async function settle<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (done(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
