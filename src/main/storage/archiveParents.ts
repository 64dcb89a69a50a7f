/**
 * The engine extracts an archive by following the links already in the target folder:
 * with `a/b/up -> ../../..` in a volume, an entry `a/b/up/x` lands in the helper's own
 * filesystem, beside the sh, find and stat Wharf runs there. checkArchive refuses links
 * the archive brings itself; this checks every folder its entries go through that
 * already exists in the volume: each must be a folder, or a link that stays inside.
 *
 * With a shell, one exec tests a batch of paths for links (a builtin test each, so
 * thousands cost a few processes), and only the links found are resolved against the
 * engine. Without one, the archive API's stat walks the folders that exist, skipping
 * whole subtrees that do not; that walk is capped.
 */
import { parentOf } from '../../shared/filePaths'
import { WharfError } from '../../shared/errors'
import { statPath } from './archiveApi'
import { execCapture } from './execCapture'
import { fromGoMode } from './fileMode'
import { refused, resolvePath, type Scope } from './fileScope'

/** Bytes of paths per exec: well under any ARG_MAX. */
const BATCH_BYTES = 64 * 1024
/** Existing folders stat'ed one by one without a shell before Wharf gives up. */
const MAX_STATS = 5000
const STAT_CONCURRENCY = 8

const FIND_LINKS = 'for p; do [ -L "$p" ] && printf "%s\\0" "$p"; done; exit 0'

/** Refuses (nothing written) when an entry would go through a link leading out of the volume. */
export async function checkExistingParents(scope: Scope, absDir: string, parents: string[]): Promise<void> {
  // A container's own filesystem needs no check: the engine keeps the archive API inside it.
  if (!scope.root || parents.length === 0) return
  try {
    if (scope.shell) await viaShell(scope, absDir, parents)
    else await viaStat(scope, absDir, parents)
  } catch (err) {
    if (err instanceof WharfError && err.code === 'invalid_input')
      throw refused(`The archive was refused, nothing was written: ${err.message}`)
    throw err
  }
}

async function viaShell(scope: Scope, absDir: string, parents: string[]): Promise<void> {
  const base = absDir === scope.root ? '' : absDir.slice(scope.root.length + 1)
  let batch: string[] = []
  let bytes = 0
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    const result = await execCapture(scope.docker, scope.container, ['sh', '-c', FIND_LINKS, 'wharf-links', ...batch])
    if (result.exitCode !== 0)
      throw new WharfError({
        code: 'engine_error',
        message: result.stderr || `Checking the archive's folders failed (exit ${result.exitCode})`,
      })
    batch = []
    bytes = 0
    for (const link of result.stdout.toString('utf8').split('\0').filter(Boolean)) {
      // resolvePath follows links that stay inside and refuses, naming it, one that leads out.
      await resolvePath(scope, [base, link.slice(absDir.length + 1)].filter(Boolean).join('/'), { allowMissing: true })
    }
  }
  for (const parent of parents) {
    const path = `${absDir}/${parent}`
    batch.push(path)
    bytes += Buffer.byteLength(path) + 1
    if (bytes >= BATCH_BYTES) await flush()
  }
  await flush()
}

async function viaStat(scope: Scope, absDir: string, parents: string[]): Promise<void> {
  // Where each folder really is in the helper, or null when it does not exist (nor anything below it).
  const real = new Map<string, string | null>()
  const levels: string[][] = []
  for (const p of parents) (levels[p.split('/').length] ??= []).push(p)
  let stats = 0
  for (const level of levels) {
    if (!level) continue
    const here: string[] = []
    for (const p of level) {
      const parent = parentOf(p)
      if (!parent || real.get(parent)) here.push(p)
      else real.set(p, null)
    }
    stats += here.length
    if (stats > MAX_STATS)
      throw refused(
        `The archive was refused, nothing was written: it goes through more than ${MAX_STATS} folders that already exist, too many to check for links without a shell on the engine`,
      )
    for (let i = 0; i < here.length; i += STAT_CONCURRENCY)
      await Promise.all(here.slice(i, i + STAT_CONCURRENCY).map((p) => locate(scope, absDir, p, real)))
  }
}

async function locate(scope: Scope, absDir: string, p: string, real: Map<string, string | null>): Promise<void> {
  const parent = parentOf(p)
  const at = `${parent ? real.get(parent) : absDir}/${p.slice(parent ? parent.length + 1 : 0)}`
  const stat = await statPath(scope.docker, scope.container, at)
  const type = stat ? fromGoMode(stat.mode).type : null
  if (type === 'link' && stat) {
    const target = stat.linkTarget
    if (target !== scope.root && !target.startsWith(`${scope.root}/`))
      throw refused(`${at.slice(scope.root.length + 1)} is a link to ${target}, outside the volume; Wharf does not follow it`)
    real.set(p, target)
  } else real.set(p, type === 'dir' ? at : null)
}
