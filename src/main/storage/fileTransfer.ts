/**
 * Bytes in and out of volumes and containers, all streamed: download a file (raw) or a
 * folder (tar), upload files one request each, extract a checked archive, back a volume
 * up as .tar/.tar.gz, restore one into an empty volume, clone a volume (V3, V4, C9).
 */
import { Transform, type Readable } from 'node:stream'
import { createGzip } from 'node:zlib'
import { pack } from 'tar-stream'
import { fieldText } from '../../shared/fieldText'
import { WharfError } from '../../shared/errors'
import type { FileTarget } from '../../shared/files'
import { baseName, checkName, normalizeRelPath, parentOf } from '../../shared/filePaths'
import type { EngineConnection } from '../engine/connection'
import { toWharfError } from '../engine/engineError'
import type { Tasks } from '../tasks/tasks'
import type { Download } from '../downloads/downloads'
import { readArchive, statPath, writeArchive } from './archiveApi'
import { checkArchive } from './archiveCheck'
import { fileBody, type FileBrowser } from './fileBrowser'
import { isDir, refused, resolvePath, type Scope } from './fileScope'
import { MOUNTS } from './volumeHelpers'
import { volumeFileOnHost } from './hostPath'
import { createReadStream } from 'node:fs'

export class FileTransfer {
  constructor(
    private readonly engine: EngineConnection,
    private readonly browser: FileBrowser,
    private readonly tasks: Tasks,
  ) {}

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
          ? await volumeFileOnHost(
              scope.docker,
              this.engine.getStatus().endpoint ?? '',
              target.name,
              abs.slice(scope.root.length + 1),
              stat,
            )
          : null
      const body = onHost ? createReadStream(onHost, { highWaterMark: 1024 * 1024 }) : await fileBody(scope.docker, scope.container, abs)
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

  /** One uploaded file, `relative` may hold sub-folders (a dropped folder); written into `dir`. */
  upload(target: FileTarget, dir: string, relative: string, size: number, body: Readable): Promise<{ path: string }> {
    const rel = normalizeRelPath(relative)
    const bad = rel.split('/').map(checkName).find(Boolean)
    if (!rel || bad) throw refused(`Not a valid file name: ${relative}${bad ? ` (${bad})` : ''}`)
    return this.browser.scopes.with(target, async (scope) => {
      const { path: absDir, stat } = await resolvePath(scope, dir)
      if (!isDir(stat)) throw refused(`${dir || '/'} is not a folder`)
      // Sub-folders that already exist must not be links leading out.
      if (rel.includes('/')) await resolvePath(scope, [dir, parentOf(rel)].filter(Boolean).join('/'), { allowMissing: true })
      const existing = await statPath(scope.docker, scope.container, `${absDir}/${rel}`)
      if (existing && isDir(existing)) throw new WharfError({ code: 'conflict', message: fieldText('folderNotFile', { path: rel }) })
      const tar = pack()
      // The size is checked here, not left to tar-stream: on a mismatch it ends the archive
      // without an error, and the engine would wait for the rest of it forever.
      let received = 0
      let problem: WharfError | undefined
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          received += chunk.length
          if (received > size) done((problem = refused(`The upload of ${rel} sends more than its ${size} bytes`)))
          else done(null, chunk)
        },
        flush(done) {
          done(received === size ? null : (problem = refused(`The upload of ${rel} stopped after ${received} of ${size} bytes`)))
        },
      })
      const entry = tar.entry({ name: rel, size, mode: 0o644, mtime: new Date() }, (err) => {
        if (err) tar.destroy(err)
        else tar.finalize()
      })
      // Not pipeline: a failure must not destroy the body, which may be the HTTP request still owed an answer.
      body.on('error', (err) => tar.destroy(err))
      counted.on('error', (err) => tar.destroy(err))
      body.pipe(counted).pipe(entry)
      try {
        await writeArchive(scope.docker, scope.container, absDir, tar)
      } catch (err) {
        throw problem ?? err
      }
      if (problem) throw problem
      return { path: [dir, rel].filter(Boolean).join('/') }
    })
  }

  /** Extracts an uploaded .tar or .tar.gz into `dir` after checking every entry. */
  extract(target: FileTarget, dir: string, archive: Readable, opts: { restore?: boolean } = {}): Promise<{ entries: number }> {
    return this.browser.scopes.with(target, async (scope) => {
      const { path: absDir, stat } = await resolvePath(scope, dir)
      if (!isDir(stat)) throw refused(`${dir || '/'} is not a folder`)
      if (opts.restore) {
        const listing = await this.browser.list(target, dir)
        if (listing.entries.length > 0)
          throw new WharfError({
            code: 'conflict',
            message: fieldText('volumeNotEmpty', { volume: scope.label, count: String(listing.entries.length) }),
          })
      }
      const checked = await checkArchive(archive, { keepOutsideLinks: opts.restore })
      try {
        for (const top of checked.topLevel.slice(0, 1000))
          await resolvePath(scope, [dir, top].filter(Boolean).join('/'), { allowMissing: true })
        await writeArchive(scope.docker, scope.container, absDir, checked.open())
        return { entries: checked.entries }
      } finally {
        await checked.dispose()
      }
    })
  }

  /** Restore (V4): into `volume`, created when missing, refused when it has files. */
  async restore(volume: string, archive: Readable): Promise<{ entries: number }> {
    const docker = await this.engine.client()
    const exists = await docker
      .getVolume(volume)
      .inspect()
      .then(() => true)
      .catch(() => false)
    if (!exists) await docker.createVolume({ Name: volume }).catch((err: unknown) => Promise.reject(toWharfError(err)))
    return this.extract({ kind: 'volume', name: volume }, '', archive, { restore: true })
  }

  /** Clone (V4) as a task: `to` is created (or must be empty), then the tar of `from` streams into it. */
  clone(from: string, to: string): ReturnType<Tasks['start']> {
    if (from === to) throw refused('Choose a different name for the copy')
    return this.tasks.start('clone', `${from} → ${to}`, async (task) => {
      const docker = await this.engine.client()
      await docker
        .getVolume(from)
        .inspect()
        .catch((err: unknown) => Promise.reject(toWharfError(err)))
      const exists = await docker
        .getVolume(to)
        .inspect()
        .then(() => true)
        .catch(() => false)
      if (!exists)
        await docker
          .createVolume({ Name: to, Labels: { 'wharf.cloned-from': from } })
          .catch((err: unknown) => Promise.reject(toWharfError(err)))
      else if ((await this.browser.list({ kind: 'volume', name: to }, '')).entries.length > 0)
        throw new WharfError({ code: 'conflict', message: fieldText('cloneTargetNotEmpty', { volume: to }) })
      const { helper, release } = await this.browser.scopes.helpers.acquire([from, to])
      try {
        const abort = new AbortController()
        task.onCancel(() => abort.abort())
        const source = await readArchive(docker, helper.id, `${MOUNTS[0]}/.`, abort.signal)
        let copied = 0
        const meter = new Transform({
          transform(chunk: Buffer, _e, done) {
            copied += chunk.length
            task.layer({ id: 'copy', status: 'Copying', current: copied })
            done(null, chunk)
          },
        })
        source.on('error', (err) => meter.destroy(err))
        await writeArchive(docker, helper.id, MOUNTS[1], source.pipe(meter))
        task.layer({ id: 'copy', status: 'Copied', current: copied, total: copied })
        return `Copied ${from} into ${to}`
      } finally {
        release()
      }
    })
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
