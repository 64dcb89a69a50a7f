/**
 * Bytes in and out of volumes and containers, all streamed: download a file (raw) or a
 * folder (tar), upload files one request each, extract a checked archive, back a volume
 * up as .tar/.tar.gz, restore one into an empty volume, clone a volume (V3, V4, C9).
 * Every write is all or nothing: see fileUpload.ts and volumeFill.ts.
 */
import type { Readable } from 'node:stream'
import { createGzip } from 'node:zlib'
import { fieldText } from '../../shared/fieldText'
import { WharfError } from '../../shared/errors'
import type { FileTarget } from '../../shared/files'
import { baseName, checkName, normalizeRelPath } from '../../shared/filePaths'
import type { EngineConnection } from '../engine/connection'
import type { TaskStarter } from '../tasks/tasks'
import type { Download } from '../downloads/downloads'
import { readArchive, writeArchive } from './archiveApi'
import { checkArchive } from './archiveCheck'
import { checkExistingParents } from './archiveParents'
import { fileBody, type FileBrowser } from './fileBrowser'
import { isDir, refused, resolvePath, type Scope } from './fileScope'
import { uploadFile } from './fileUpload'
import { openVolumeFileOnHost } from './hostPath'
import { VolumeFill } from './volumeFill'
import { MOUNTS } from './volumeHelpers'

export class FileTransfer {
  private readonly fill: VolumeFill

  constructor(
    private readonly engine: EngineConnection,
    private readonly browser: FileBrowser,
    tasks: TaskStarter,
  ) {
    this.fill = new VolumeFill(engine, browser, tasks)
  }

  /** A file as itself, a folder as a tar of it. The helper is held until the download ends. */
  download(target: FileTarget, path: string): Promise<Download> {
    return this.holding(target, async (scope) => {
      const { path: abs, stat } = await resolvePath(scope, path)
      if (!stat) throw new WharfError({ code: 'not_found', message: fieldText('doesNotExist', { path }) })
      const name = baseName(path) || scope.label
      if (isDir(stat))
        return { filename: `${name}.tar`, contentType: 'application/x-tar', body: await readArchive(scope.docker, scope.container, abs) }
      const onHost =
        target.kind === 'volume' && scope.root
          ? await openVolumeFileOnHost(
              scope.docker,
              this.engine.getStatus().endpoint ?? '',
              target.name,
              abs.slice(scope.root.length + 1),
              stat,
            )
          : null
      // From the descriptor that was checked, never by name again; no further than the size announced.
      const body = onHost
        ? onHost.createReadStream({ highWaterMark: 1024 * 1024, start: 0, end: stat.size - 1 })
        : await fileBody(scope.docker, scope.container, abs)
      return { filename: name, contentType: 'application/octet-stream', size: stat.size, body }
    })
  }

  /** `docker cp` of a whole volume: its contents (not the folder) as .tar or .tar.gz. */
  backup(volume: string, gzip: boolean): Promise<Download> {
    return this.holding({ kind: 'volume', name: volume }, async (scope) => {
      const tar = await readArchive(scope.docker, scope.container, `${scope.root}/.`)
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')
      if (!gzip) return { filename: `${volume}-${stamp}.tar`, contentType: 'application/x-tar', body: tar }
      const body = tar.pipe(createGzip({ level: 6 }))
      tar.on('error', (err) => body.destroy(err))
      return { filename: `${volume}-${stamp}.tar.gz`, contentType: 'application/gzip', body }
    })
  }

  /** One uploaded file, `relative` may hold sub-folders (a dropped folder); written into `dir`, all or nothing. */
  upload(target: FileTarget, dir: string, relative: string, size: number, body: Readable): Promise<{ path: string }> {
    const rel = normalizeRelPath(relative)
    const bad = rel.split('/').map(checkName).find(Boolean)
    if (!rel || bad) throw refused(`Not a valid file name: ${relative}${bad ? ` (${bad})` : ''}`)
    return this.browser.scopes.with(target, async (scope) => {
      await uploadFile(scope, dir, rel, size, body)
      return { path: [dir, rel].filter(Boolean).join('/') }
    })
  }

  /**
   * Extracts an uploaded .tar or .tar.gz into `dir`. It is received whole (`length`
   * bytes, when known) and every entry checked before anything is written, so a
   * cancelled or cut-short upload writes nothing.
   */
  extract(target: FileTarget, dir: string, archive: Readable, length?: number): Promise<{ entries: number }> {
    return this.browser.scopes.with(target, async (scope) => {
      const { path: absDir, stat } = await resolvePath(scope, dir)
      if (!isDir(stat)) throw refused(`${dir || '/'} is not a folder`)
      const checked = await checkArchive(archive, { length })
      try {
        await checkExistingParents(scope, absDir, checked.parents)
        await writeArchive(scope.docker, scope.container, absDir, checked.open())
        return { entries: checked.entries }
      } finally {
        await checked.dispose()
      }
    })
  }

  /** Restore (V4): into `volume`, created when missing, refused when it has files; undone on failure. */
  restore(volume: string, archive: Readable, length?: number): Promise<{ entries: number }> {
    return this.fill.restore(volume, archive, length)
  }

  /** Clone (V4) as a task: `to` is created (or must be empty); undone when it fails or is cancelled. */
  clone(from: string, to: string): ReturnType<TaskStarter['start']> {
    return this.fill.clone(from, to)
  }

  /** Like scopes.with, but keeps the helper until the returned download's body closes. */
  private async holding(target: FileTarget, open: (scope: Scope) => Promise<Download>): Promise<Download> {
    if (target.kind === 'container') return this.browser.scopes.with(target, open)
    const { helper, release } = await this.browser.scopes.helpers.acquire([target.name])
    try {
      const docker = await this.engine.client()
      const download = await open({ docker, container: helper.id, root: MOUNTS[0], shell: helper.shell, label: target.name })
      download.body.once('close', release)
      download.body.once('end', release)
      download.body.once('error', release)
      return download
    } catch (err) {
      release()
      throw err
    }
  }
}
