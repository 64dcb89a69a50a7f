/** The content browser's operations on a volume or a container's filesystem (V3, C9). */
import type Dockerode from 'dockerode'
import { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { fieldText } from '../../shared/fieldText'
import { WharfError } from '../../shared/errors'
import type { FileLimit, FileListing, FilePreview, FileTarget } from '../../shared/files'
import { joinRel, parentOf } from '../../shared/filePaths'
import type { EngineConnection } from '../engine/connection'
import { readArchive, statPath, writeArchive } from './archiveApi'
import { execCapture } from './execCapture'
import { FileScopes, isDir, refused, resolvePath, type Scope } from './fileScope'
import { TarSingleFile } from './tarSingleFile'
import { LIST_SCRIPT, listFromTar, parseExecListing } from './listing'
import type { VolumeHelpers } from './volumeHelpers'

/** An archive listing reads the folder's whole tar, contents included; past this it stops and says so. */
const ARCHIVE_LIST_LIMIT = 64 * 1024 * 1024

export class FileBrowser {
  readonly scopes: FileScopes

  constructor(engine: EngineConnection, helpers: VolumeHelpers) {
    this.scopes = new FileScopes(
      () => engine.client(),
      helpers,
      () => engine.getStatus().flavor === 'podman',
    )
  }

  list(target: FileTarget, path: string): Promise<FileListing> {
    return this.scopes.with(target, async (scope) => {
      const { path: abs, stat } = await resolvePath(scope, path)
      if (!isDir(stat)) throw refused(`${path || '/'} is not a folder`)
      const base = { path, canModify: scope.shell, limit: scope.limit, helperImage: scope.helperImage }
      if (scope.shell) {
        const result = await execCapture(scope.docker, scope.container, ['sh', '-c', LIST_SCRIPT, 'wharf-list', abs, scope.root])
        if (result.exitCode === 4) throw refused(`${path} leads outside the volume`)
        if (result.exitCode !== 0)
          throw new WharfError({ code: 'engine_error', message: result.stderr || `Listing failed (exit ${result.exitCode})` })
        return { ...base, entries: parseExecListing(result.stdout.toString('utf8')), via: 'exec', truncated: false }
      }
      const tar = await readArchive(scope.docker, scope.container, `${abs}/.`)
      const { entries, truncated } = await listFromTar(tar, ARCHIVE_LIST_LIMIT)
      return { ...base, entries, via: 'archive', truncated }
    })
  }

  /** The first `limit` bytes of a file, for the text, hex and image previews. */
  read(target: FileTarget, path: string, limit: number): Promise<FilePreview> {
    return this.scopes.with(target, async (scope) => {
      const { path: abs, stat } = await resolvePath(scope, path)
      if (!stat) throw new WharfError({ code: 'not_found', message: fieldText('doesNotExist', { path }) })
      if (isDir(stat)) throw refused(`${path} is a folder`)
      const body = await fileBody(scope.docker, scope.container, abs)
      const chunks = await firstBytes(body, limit)
      const data = chunks
      return { path, size: stat.size, truncated: stat.size > data.length, data: data.toString('base64') }
    })
  }

  makeFolder(target: FileTarget, path: string, name: string): Promise<{ path: string }> {
    return this.scopes.with(target, async (scope) => {
      const { path: dir, stat } = await resolvePath(scope, path)
      if (!isDir(stat)) throw refused(`${path || '/'} is not a folder`)
      if (await statPath(scope.docker, scope.container, `${dir}/${name}`))
        throw new WharfError({ code: 'conflict', message: fieldText('alreadyExists', { name }) })
      const tar = pack()
      tar.entry({ name: `${name}/`, type: 'directory', mode: 0o755 })
      tar.finalize()
      await writeArchive(scope.docker, scope.container, dir, Readable.from(tar))
      return { path: joinRel(path, name) }
    })
  }

  rename(target: FileTarget, path: string, name: string): Promise<{ path: string }> {
    return this.scopes.with(target, async (scope) => {
      needsShell(scope, 'Renaming')
      if (!path) throw refused('The root itself cannot be renamed here')
      const { path: from } = await resolvePath(scope, path, { keepLast: true })
      const dir = from.slice(0, from.lastIndexOf('/'))
      const to = `${dir}/${name}`
      if (await statPath(scope.docker, scope.container, to))
        throw new WharfError({ code: 'conflict', message: fieldText('alreadyExists', { name }) })
      const result = await execCapture(scope.docker, scope.container, ['mv', from, to])
      if (result.exitCode !== 0) throw new WharfError({ code: 'engine_error', message: result.stderr || 'mv failed' })
      return { path: joinRel(parentOf(path), name) }
    })
  }

  remove(target: FileTarget, paths: string[]): Promise<{ removed: string[] }> {
    return this.scopes.with(target, async (scope) => {
      needsShell(scope, 'Deleting')
      if (paths.includes(''))
        throw refused(scope.root ? 'The volume itself is removed from the Volumes list, not here' : 'The root folder cannot be deleted')
      const absolute: string[] = []
      for (const p of paths) absolute.push((await resolvePath(scope, p, { keepLast: true })).path)
      const result = await execCapture(scope.docker, scope.container, ['rm', '-rf', ...absolute])
      if (result.exitCode !== 0) throw new WharfError({ code: 'engine_error', message: result.stderr || 'rm failed' })
      return { removed: paths }
    })
  }
}

const LIMIT_TEXT: Record<FileLimit, string> = {
  'no-shell-image':
    'an image with sh, find and stat on the engine (busybox, alpine, debian…); this volume is reached through the archive API only',
  'container-no-shell': 'sh, find and stat in the container, which it does not have',
  'container-stopped': 'the container running; start it first',
}

function needsShell(scope: Scope, what: string): void {
  if (!scope.shell) throw new WharfError({ code: 'unsupported', message: `${what} needs ${LIMIT_TEXT[scope.limit ?? 'no-shell-image']}` })
}

/** A single file's bytes, unwrapped from the one-entry tar the archive API sends. */
export async function fileBody(docker: Dockerode, container: string, abs: string): Promise<Readable> {
  const tar = await readArchive(docker, container, abs)
  const body = new TarSingleFile()
  tar.on('error', (err) => body.destroy(err))
  body.on('close', () => tar.destroy())
  return tar.pipe(body)
}

/** Up to `limit` bytes, then the stream is closed (tar-stream's bodies are not async-iterable safely). */
function firstBytes(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (): void => {
      body.removeAllListeners('data')
      body.destroy()
      resolve(Buffer.concat(chunks).subarray(0, limit))
    }
    body.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= limit) done()
    })
    body.once('end', done)
    body.once('error', reject)
  })
}
