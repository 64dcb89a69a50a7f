/**
 * Which image on the engine volume helpers run from. A helper runs as root with the
 * user's volume mounted, and an image's name says nothing about what is in it (anyone can
 * tag anything `busybox`), so the choice is made on content:
 *
 * 1. Candidates are the tagged images, smallest first (at most MAX_EXAMINED).
 * 2. Each is examined without running anything, through a container that is created but
 *    never started and mounts nothing: the archive API's stat of /bin/sh, mv and rm (what
 *    Wharf runs directly) and the first bytes of the files they resolve to. Each must be a
 *    regular, executable ELF file: a shell script posing as sh, or a missing tool, rules
 *    the image out. An image whose sh, mv and rm are one multi-call binary (busybox,
 *    toybox: one small program, nothing else runs) ranks before one with separate tools.
 * 3. The best candidate is started once with no volume mounted and must pass the tools
 *    probe in its own filesystem; only then is it used with volumes. VolumeHelpers
 *    remembers the decision by image ID per engine, so retagging another image does not
 *    change it.
 *
 * This cannot tell a trojaned binary from a real one; it keeps a name from choosing the
 * image, keeps anything unproven away from the user's data, and the volume page shows
 * which image is in use.
 */
import type Dockerode from 'dockerode'
import type { HelperImage } from '../../shared/files'
import { readArchive, statPath, type PathStat } from './archiveApi'
import { execCapture } from './execCapture'
import { fromGoMode } from './fileMode'
import { TarSingleFile } from './tarSingleFile'

const MAX_EXAMINED = 8
/** What Wharf runs in a helper without going through sh. */
const DIRECT_TOOLS = ['mv', 'rm']
const TOOL_DIRS = ['/bin', '/usr/bin', '/sbin', '/usr/sbin']
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46])

/** TOOLS_PROBE, plus `mv -T`, which uploads rename with: run only in a throwaway container's own filesystem. */
export function probeScript(toolsProbe: string): string {
  return `${toolsProbe}; d=/.wharf-probe-$$; mkdir "$d" && : > "$d/a" && mv -fT "$d/a" "$d/b" && [ -f "$d/b" ] || exit 98; rm -rf "$d"`
}

interface Examined {
  image: HelperImage
  size: number
  /** 0: sh, mv and rm are one multi-call binary; 1: separate binaries. */
  rank: number
}

/** Tagged images that pass the content check, best first. */
export async function examineCandidates(docker: Dockerode, labels: Record<string, string>): Promise<HelperImage[]> {
  const images = (await docker.listImages())
    .filter((i) => (i.RepoTags ?? []).some((t) => t !== '<none>:<none>'))
    .sort((a, b) => a.Size - b.Size || (a.Id < b.Id ? -1 : 1))
    .slice(0, MAX_EXAMINED)
  const passed: Examined[] = []
  for (const image of images) {
    const rank = await examine(docker, image.Id, labels)
    if (rank === null) continue
    const name = (image.RepoTags ?? []).find((t) => t !== '<none>:<none>') ?? image.Id
    passed.push({ image: { id: image.Id, name }, size: image.Size, rank })
    // Smallest first: the first multi-call image is as good as any later one.
    if (rank === 0) break
  }
  return passed.sort((a, b) => a.rank - b.rank || a.size - b.size).map((p) => p.image)
}

/** The image's rank (see Examined), or null when it is not fit to be a helper. */
async function examine(docker: Dockerode, image: string, labels: Record<string, string>): Promise<number | null> {
  let container: Dockerode.Container | undefined
  try {
    container = await docker.createContainer({
      Image: image,
      Entrypoint: ['/wharf-never-started'],
      Cmd: [],
      NetworkDisabled: true,
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    })
    const id = container.id
    const files = new Set<string>()
    for (const tool of ['sh', ...DIRECT_TOOLS]) {
      const file = await resolveTool(docker, id, tool)
      if (!file) return null
      files.add(file)
    }
    for (const file of files) if (!(await isElf(docker, id, file))) return null
    return files.size === 1 ? 0 : 1
  } catch {
    // Another platform, a broken image: not a candidate.
    return null
  } finally {
    await container?.remove({ force: true }).catch(() => undefined)
  }
}

/** The executable file `tool` resolves to in the usual folders, or null. */
async function resolveTool(docker: Dockerode, container: string, tool: string): Promise<string | null> {
  for (const dir of TOOL_DIRS) {
    let path = `${dir}/${tool}`
    let stat: PathStat | null = await statPath(docker, container, path)
    // A link's target comes resolved from the engine; a second hop is resolved the same way.
    for (let hops = 0; stat && fromGoMode(stat.mode).type === 'link' && hops < 8; hops++) {
      path = stat.linkTarget
      stat = await statPath(docker, container, path)
    }
    if (!stat) continue
    const executable = ((stat.mode % 0o1000) & 0o111) !== 0
    return fromGoMode(stat.mode).type === 'file' && executable ? path : null
  }
  return null
}

async function isElf(docker: Dockerode, container: string, path: string): Promise<boolean> {
  const tar = await readArchive(docker, container, path)
  const body = tar.pipe(new TarSingleFile())
  body.once('close', () => tar.destroy())
  return new Promise((resolve) => {
    let head = Buffer.alloc(0)
    const done = (): void => {
      body.destroy()
      resolve(head.subarray(0, 4).equals(ELF))
    }
    body.on('data', (chunk: Buffer) => {
      head = Buffer.concat([head, chunk])
      if (head.length >= 4) done()
    })
    body.once('end', done)
    body.once('error', () => resolve(false))
  })
}

/** Starts `image` with nothing mounted and runs the probe; true when it passes. */
export async function provesItself(docker: Dockerode, image: string, probe: string, labels: Record<string, string>): Promise<boolean> {
  let container: Dockerode.Container | undefined
  try {
    container = await docker.createContainer({
      Image: image,
      Entrypoint: ['sh', '-c'],
      Cmd: ['exec sleep 60'],
      User: '0:0',
      WorkingDir: '/',
      NetworkDisabled: true,
      Labels: labels,
      HostConfig: { NetworkMode: 'none', AutoRemove: true },
    })
    await container.start()
    return (await execCapture(docker, container.id, ['sh', '-c', probe], 10_000)).exitCode === 0
  } catch {
    return false
  } finally {
    await container?.remove({ force: true }).catch(() => undefined)
  }
}
