/**
 * Filling a whole volume (V4) — restore from a backup, clone from another volume — all or
 * nothing (DESIGN §4): a fill that fails or is cancelled leaves the volume as it was,
 * empty. A restore receives and checks the whole archive before it creates anything, so a
 * cancelled upload leaves no trace; once the engine is writing, a failure undoes the fill:
 * a volume Wharf created for it is removed again (its helpers first, which hold it), one
 * that existed (and was empty) is emptied again through a helper's shell. Without a shell
 * it cannot be, and the error says so. A cancelled clone ends the engine's write cleanly
 * (the engine answers before anything is undone) and is undone the same way.
 */
import type Dockerode from 'dockerode'
import { Transform, type Readable } from 'node:stream'
import { fieldText, type FieldTextKey } from '../../shared/fieldText'
import { WharfError } from '../../shared/errors'
import type { EngineConnection } from '../engine/connection'
import { toWharfError } from '../engine/engineError'
import type { TaskHandle, TaskStarter } from '../tasks/tasks'
import { cuttable, readArchive, writeArchive } from './archiveApi'
import { checkArchive } from './archiveCheck'
import { execCapture } from './execCapture'
import type { FileBrowser } from './fileBrowser'
import { refused } from './fileScope'
import { MOUNTS } from './volumeHelpers'
import { errorText } from '../../shared/errorText'

const EMPTY_SCRIPT = 'find "$1" -mindepth 1 -maxdepth 1 -exec rm -rf -- {} +'

export class VolumeFill {
  constructor(
    private readonly engine: EngineConnection,
    private readonly browser: FileBrowser,
    private readonly tasks: TaskStarter,
  ) {}

  /** Restore: into `volume`, created when missing, refused when it has files. */
  async restore(volume: string, archive: Readable, length?: number): Promise<{ entries: number }> {
    const docker = await this.engine.client()
    const existed = await exists(docker, volume)
    if (existed) await this.mustBeEmpty(volume, 'volumeNotEmpty')
    const checked = await checkArchive(archive, { keepOutsideLinks: true, length })
    try {
      // Checked again: receiving the archive took a while.
      if (existed) await this.mustBeEmpty(volume, 'volumeNotEmpty')
      else await create(docker, { Name: volume })
      await this.undoing(volume, !existed, 'restoreNotUndone', () =>
        this.browser.scopes.with({ kind: 'volume', name: volume }, (scope) =>
          writeArchive(scope.docker, scope.container, scope.root, checked.open()),
        ),
      )
      return { entries: checked.entries }
    } finally {
      await checked.dispose()
    }
  }

  /** Clone as a task: `to` is created (or must be empty), then the tar of `from` streams into it. */
  clone(from: string, to: string): ReturnType<TaskStarter['start']> {
    if (from === to) throw refused('Choose a different name for the copy')
    return this.tasks.start('clone', `${from} → ${to}`, async (task) => {
      const docker = await this.engine.client()
      await docker
        .getVolume(from)
        .inspect()
        .catch((err: unknown) => Promise.reject(toWharfError(err)))
      const existed = await exists(docker, to)
      if (existed) await this.mustBeEmpty(to, 'cloneTargetNotEmpty')
      else await create(docker, { Name: to, Labels: { 'wharf.cloned-from': from } })
      const copied = await this.undoing(to, !existed, 'cloneNotUndone', () => this.copy(docker, from, to, task))
      task.layer({ id: 'copy', status: 'Copied', current: copied, total: copied })
      return `Copied ${from} into ${to}`
    })
  }

  private async copy(docker: Dockerode, from: string, to: string, task: TaskHandle): Promise<number> {
    // One helper each: dockerd locks a container while its archive is being read, so a
    // write into the same container waits for a read that waits for it (big volumes hung).
    const reader = await this.browser.scopes.helpers.acquire([from])
    const writer = await this.browser.scopes.helpers.acquire([to]).catch((err: unknown) => {
      reader.release()
      throw err
    })
    try {
      const abort = new AbortController()
      let stopped: Error | undefined
      let copied = 0
      const meter = new Transform({
        transform(chunk: Buffer, _e, done) {
          copied += chunk.length
          task.layer({ id: 'copy', status: 'Copying', current: copied })
          done(null, chunk)
        },
      })
      const { body, cut } = cuttable(meter)
      const stop = (reason: Error): void => {
        stopped ??= reason
        abort.abort()
        cut()
      }
      task.onCancel(() => stop(new Error(`Cancelled; ${to} is as it was before`)))
      const source = await readArchive(docker, reader.helper.id, `${MOUNTS[0]}/.`, abort.signal).catch((err: unknown) => {
        throw stopped ?? err
      })
      source.once('error', (err) => stop(err))
      source.pipe(meter)
      await writeArchive(docker, writer.helper.id, MOUNTS[0], body).catch((err: unknown) => {
        throw stopped ?? err
      })
      // Cut at an entry's end, the engine takes the shorter archive as whole.
      if (stopped) throw stopped
      return copied
    } finally {
      reader.release()
      writer.release()
    }
  }

  private async mustBeEmpty(volume: string, key: 'volumeNotEmpty' | 'cloneTargetNotEmpty'): Promise<void> {
    const listing = await this.browser.list({ kind: 'volume', name: volume }, '')
    if (listing.entries.length > 0)
      throw new WharfError({ code: 'conflict', message: fieldText(key, { volume, count: String(listing.entries.length) }) })
  }

  /** Runs `fill`; if it fails, leaves `volume` as it was before: removed when `created`, else empty. */
  private async undoing<T>(volume: string, created: boolean, key: FieldTextKey, fill: () => Promise<T>): Promise<T> {
    try {
      return await fill()
    } catch (err) {
      const emptied = created ? await this.remove(volume) : await this.empty(volume)
      if (!emptied) {
        const reason = errorText(err)
        throw new WharfError({ code: 'engine_error', message: fieldText(key, { volume, reason }) })
      }
      throw err
    }
  }

  private async remove(volume: string): Promise<boolean> {
    await this.browser.scopes.helpers.releaseVolume(volume)
    const docker = await this.engine.client()
    return docker
      .getVolume(volume)
      .remove()
      .then(
        () => true,
        () => this.empty(volume),
      )
  }

  private empty(volume: string): Promise<boolean> {
    return this.browser.scopes
      .with({ kind: 'volume', name: volume }, async (scope) => {
        if (!scope.shell) return false
        const result = await execCapture(scope.docker, scope.container, ['sh', '-c', EMPTY_SCRIPT, 'wharf-empty', scope.root])
        return result.exitCode === 0
      })
      .catch(() => false)
  }
}

function exists(docker: Dockerode, volume: string): Promise<boolean> {
  return docker
    .getVolume(volume)
    .inspect()
    .then(
      () => true,
      () => false,
    )
}

async function create(docker: Dockerode, spec: { Name: string; Labels?: Record<string, string> }): Promise<void> {
  await docker.createVolume(spec).catch((err: unknown) => Promise.reject(toWharfError(err)))
}
