/**
 * electron-builder run for real on this project (Linux `dir` target). Electron's zip
 * cannot be downloaded here, so by default the run uses a stand-in binary
 * (electronBinary.ts) as its Electron: everything but Electron itself is the real thing
 * — the file selection, app.asar, the unpacked native parts, the afterPack fuse hook. With
 * Electron's zip in the cache the second suite packs the real binary. Each suite prints why
 * when it cannot run.
 */
import { extractAll, listPackage } from '@electron/asar'
import { getCurrentFuseWire, FuseState, FuseV1Options } from '@electron/fuses'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FUSES } from '../../build/fuses.mjs'
import { readWire, writeStandInBinary } from './electronBinary'

const root = join(__dirname, '../..')
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version

function blockers(): string[] {
  const reasons: string[] = []
  if (!existsSync(join(root, 'out/main/index.js'))) reasons.push('the app is not built (run `npm run build:app`)')
  if (lstatSync(join(root, 'node_modules')).isSymbolicLink())
    reasons.push(
      'node_modules is a symlink (a git worktree sharing another checkout’s install): npm cannot list the dependency tree through it, so electron-builder would package an incomplete one',
    )
  return reasons
}

/** Runs electron-builder's CLI for Linux `dir` into `output`; returns its output for failures. */
function pack(output: string, extra: string[]): void {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.directories.output=${output}`,
      ...extra,
    ],
    { cwd: root, encoding: 'utf8', timeout: 240_000 },
  )
  if (result.status !== 0) throw new Error(`electron-builder failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`)
}

const standInBlockers = blockers()
if (standInBlockers.length > 0) console.log(`SKIPPED packing with a stand-in Electron: ${standInBlockers.join('; ')}`)

describe.skipIf(standInBlockers.length > 0)('electron-builder --linux dir with a stand-in Electron binary', () => {
  let work: string
  let app: string
  let files: string[]

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'wharf-pack-'))
    const electronDist = join(work, 'electron')
    mkdirSync(join(electronDist, 'resources'), { recursive: true })
    writeStandInBinary(join(electronDist, 'electron'))
    pack(join(work, 'dist'), [`-c.electronDist=${electronDist}`])
    app = join(work, 'dist/linux-unpacked')
    files = listPackage(join(app, 'resources/app.asar'), { isPack: false }).map((path) => path.replaceAll('\\', '/'))
  }, 300_000)
  afterAll(() => work && rmSync(work, { recursive: true, force: true }))

  it('puts the build, package.json, the window icon and main’s packages in app.asar', () => {
    for (const path of [
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/package.json',
      '/resources/icons/256x256.png',
      '/node_modules/dockerode/package.json',
      '/node_modules/docker-modem/package.json',
      '/node_modules/ssh2/package.json',
      '/node_modules/ws/package.json',
    ])
      expect(files).toContain(path)
  })

  it('leaves out sources, tests and the renderer’s packages (bundled in out/renderer already)', () => {
    const top = new Set(files.map((path) => path.split('/')[1]))
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources'])
    for (const gone of ['naive-ui', 'vue', '@xterm', 'uplot', 'pinia', 'vue-router', 'typescript', 'vitest'])
      expect(files).not.toContain(`/node_modules/${gone}`)
    expect(files.filter((path) => path.endsWith('.map') && path.startsWith('/out/'))).toEqual([])
  })

  it('unpacks node-pty’s native parts beside the archive', () => {
    const unpacked = join(app, 'resources/app.asar.unpacked/node_modules/node-pty')
    expect(existsSync(join(unpacked, 'build/Release/pty.node'))).toBe(true)
    expect(existsSync(join(unpacked, 'prebuilds/darwin-arm64/spawn-helper'))).toBe(true)
  })

  it('flips the fuses in the packaged binary', () => {
    // RunAsNode, Cookie, NodeOptions, Inspect, AsarIntegrity, OnlyAsar, (V8 snapshot), FileProtocol, (Wasm traps)
    expect(readWire(join(app, 'wharf'))).toBe('010011011')
  })

  it('ships every package main loads: they and main’s shared chunks load from the packaged files alone', () => {
    const extracted = join(work, 'extracted')
    extractAll(join(app, 'resources/app.asar'), extracted)
    cpSync(join(app, 'resources/app.asar.unpacked'), extracted, { recursive: true })
    writeFileSync(join(extracted, 'probe.cjs'), "for (const m of process.argv.slice(2)) require(m)\nconsole.log('loaded')\n")
    // The chunks are shared with browser mode's plain-Node entry, so Node can load them.
    const chunks = readdirSync(join(extracted, 'out/main/chunks')).map((name) => `./out/main/chunks/${name}`)
    const modules = ['dockerode', 'ws', 'zod', 'tar-fs', 'tar-stream', '@balena/dockerignore', 'node-pty', ...chunks]
    const result = spawnSync(process.execPath, [join(extracted, 'probe.cjs'), ...modules], { cwd: extracted, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('loaded')
  })
})

function cachedElectronZip(): string | null {
  const name = `electron-v${electronVersion}-linux-x64.zip`
  const cache = process.env.electron_config_cache ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron')
  if (!existsSync(cache)) return null
  for (const entry of readdirSync(cache, { recursive: true, encoding: 'utf8' })) if (entry.endsWith(name)) return join(cache, entry)
  return null
}

const zip = cachedElectronZip()
const realBlockers = [
  ...standInBlockers,
  ...(zip ? [] : [`Electron ${electronVersion}'s linux-x64 zip is not in the electron cache and GitHub is out of reach`]),
]
if (realBlockers.length > 0) console.log(`SKIPPED packing the real Electron: ${realBlockers.join('; ')}`)

describe.skipIf(realBlockers.length > 0)('electron-builder --linux dir with the real Electron', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'wharf-pack-'))
    pack(join(work, 'dist'), [])
  }, 300_000)
  afterAll(() => work && rmSync(work, { recursive: true, force: true }))

  it('has Wharf’s fuses in the binary', async () => {
    const wire = await getCurrentFuseWire(join(work, 'dist/linux-unpacked/wharf'))
    for (const [name, on] of Object.entries(FUSES))
      expect([name, wire[FuseV1Options[name as keyof typeof FuseV1Options]]]).toEqual([name, on ? FuseState.ENABLE : FuseState.DISABLE])
  })
})
