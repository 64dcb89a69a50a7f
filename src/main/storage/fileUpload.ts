/**
 * One uploaded file, all or nothing (DESIGN §4). The archive API writes a tar entry in
 * place, removing what was there first, so a cancelled upload used to leave the file it
 * replaced cut short. Now:
 *
 * - With a shell (a helper from an image with sh and mv, or a running container that has
 *   them): the bytes go beside the target under a temporary name
 *   (`.wharf-upload-<random>-<name>`, same folder, so the same filesystem), the byte count
 *   and the engine's stat of that file are checked against the declared size, then
 *   `mv -fT` renames it over the target, which rename(2) makes atomic. On any failure the
 *   request body to the engine is ended cleanly (the engine stops and answers), then the
 *   temporary file and any folder made for it are removed.
 * - Without one (the archive-only helper, a stopped container, one without sh) nothing
 *   can be renamed, so an existing file is not replaced: that upload is refused, and the
 *   old file stays. A new file is spooled to this machine's temp folder first and sent to
 *   the engine only once all of it has arrived; should the engine itself fail while
 *   writing it, part of it may remain, and the error says so.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { pack } from 'tar-stream'
import { fieldText } from '../../shared/fieldText'
import { WharfError } from '../../shared/errors'
import { baseName, parentOf } from '../../shared/filePaths'
import { cuttable, statPath, writeArchive } from './archiveApi'
import { execCapture } from './execCapture'
import { fromGoMode } from './fileMode'
import { isDir, refused, resolvePath, type Scope } from './fileScope'
import { onBodyFailure, spool, SpoolFailed } from './uploadBody'
import { errorText } from '../../shared/errorText'

const TEMP_PREFIX = '.wharf-upload-'

/** Writes `body` (`size` bytes) as `rel` (which may hold sub-folders) inside the folder `dir`. */
export async function uploadFile(scope: Scope, dir: string, rel: string, size: number, body: Readable): Promise<void> {
  const { path: absDir, stat } = await resolvePath(scope, dir)
  if (!isDir(stat)) throw refused(`${dir || '/'} is not a folder`)
  // Sub-folders that already exist must not be links leading out.
  const folder = rel.includes('/')
    ? await resolvePath(scope, [dir, parentOf(rel)].filter(Boolean).join('/'), { allowMissing: true })
    : { path: absDir, stat }
  const name = baseName(rel)
  const target = `${folder.path}/${name}`
  const existing = await statPath(scope.docker, scope.container, target)
  if (existing && isDir(existing)) throw new WharfError({ code: 'conflict', message: fieldText('folderNotFile', { path: rel }) })
  if (!scope.shell) {
    if (existing) throw new WharfError({ code: 'conflict', message: fieldText('replaceNeedsShell', { name: rel }) })
    return writeSpooled(scope, absDir, rel, size, body)
  }
  const temp = tempName(name)
  const made = folder.stat ? [] : await missingFolders(scope, folder.path)
  const undo = (): Promise<unknown> =>
    execCapture(scope.docker, scope.container, [
      'sh',
      '-c',
      'rm -f -- "$1"; shift; for d; do rmdir -- "$d" 2>/dev/null; done; exit 0',
      'wharf-undo',
      `${folder.path}/${temp}`,
      ...made,
    ]).catch(() => undefined)
  try {
    await sendEntry(scope, absDir, [parentOf(rel), temp].filter(Boolean).join('/'), rel, size, body)
    const arrived = await statPath(scope.docker, scope.container, `${folder.path}/${temp}`)
    if (!arrived || fromGoMode(arrived.mode).type !== 'file' || arrived.size !== size)
      throw new WharfError({
        code: 'engine_error',
        message: `The engine holds ${arrived?.size ?? 0} of ${size} bytes of ${rel} after the upload; nothing was changed`,
      })
    const moved = await execCapture(scope.docker, scope.container, ['mv', '-fT', '--', `${folder.path}/${temp}`, target])
    if (moved.exitCode !== 0)
      throw new WharfError({ code: 'engine_error', message: moved.stderr || `mv failed (exit ${moved.exitCode}); nothing was changed` })
  } catch (err) {
    await undo()
    throw err
  }
}

/** `.wharf-upload-<random>-<name>`, cut to the 255 bytes a name may have. */
function tempName(name: string): string {
  let temp = `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${name}`
  while (Buffer.byteLength(temp) > 255) temp = [...temp].slice(0, -1).join('')
  return temp
}

/** The folders the upload's tar entry will create for `folder`, deepest first. */
async function missingFolders(scope: Scope, folder: string): Promise<string[]> {
  const missing: string[] = []
  for (let d = folder; d.length > scope.root.length && !(await statPath(scope.docker, scope.container, d)); d = parentOf(d)) missing.push(d)
  return missing
}

/** Streams `body` as the one entry `entry` under `absDir`; rejects, with the engine done, unless all `size` bytes went. */
async function sendEntry(scope: Scope, absDir: string, entry: string, rel: string, size: number, body: Readable): Promise<void> {
  const tar = pack()
  const { body: wire, cut } = cuttable(tar)
  let received = 0
  let failure: WharfError | undefined
  const fail = (): void => {
    failure ??= incomplete(rel, received, size)
    cut()
  }
  body.on('data', (chunk: Buffer) => (received += chunk.length))
  onBodyFailure(body, fail)
  const sink = tar.entry({ name: entry, size, mode: 0o644, mtime: new Date() }, (err) => {
    if (err || received !== size) fail()
    else tar.finalize()
  })
  body.pipe(sink)
  try {
    await writeArchive(scope.docker, scope.container, absDir, wire)
  } catch (err) {
    // The engine's "unexpected EOF" only follows from the upload's own failure, which says more.
    throw failure ?? err
  } finally {
    tar.destroy()
  }
  if (failure) throw failure
}

/** The no-rename path: spooled whole here first, then written as `rel`, a new file. */
async function writeSpooled(scope: Scope, absDir: string, rel: string, size: number, body: Readable): Promise<void> {
  const spooled = await spool(body).catch((err: unknown) => {
    throw err instanceof SpoolFailed ? incomplete(rel, err.bytes, size) : err
  })
  try {
    if (spooled.bytes !== size) throw incomplete(rel, spooled.bytes, size)
    const tar = pack()
    const sink = tar.entry({ name: rel, size, mode: 0o644, mtime: new Date() }, (err) => (err ? tar.destroy(err) : tar.finalize()))
    createReadStream(spooled.file).pipe(sink)
    await writeArchive(scope.docker, scope.container, absDir, tar).catch((err: unknown) => {
      const reason = errorText(err)
      throw new WharfError({ code: 'engine_error', message: fieldText('leftPartly', { name: rel, reason }) })
    })
  } finally {
    await spooled.dispose()
  }
}

function incomplete(rel: string, received: number, size: number): WharfError {
  return new WharfError({
    code: 'invalid_input',
    message: fieldText('uploadIncomplete', { name: rel, received: String(received), size: String(size) }),
  })
}
