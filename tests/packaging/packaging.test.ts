/**
 * The packaging configuration (DESIGN A5), checked without building a package: Electron's
 * zip and electron-builder's tools come from GitHub, which this machine cannot reach
 * (pack.test.ts packs with a stand-in binary instead).
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util/out/DebugLogger'
import type { Configuration } from 'electron-builder'
import * as electronFuses from '@electron/fuses'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { afterPack } from '../../build/afterPack.mjs'
import { FUSES, fuseConfig } from '../../build/fuses.mjs'
import { readWire, writeStandInBinary } from './electronBinary'

const root = join(__dirname, '../..')
const logger = new DebugLogger(false)

/** The configuration as electron-builder itself finds and loads it (electron-builder.ts, through jiti). */
async function loadConfig(): Promise<Configuration> {
  return getConfig(root, null, null)
}

/** `files` as electron-builder normalizes it ([{ filter: [...] }]), flat again. */
function filePatterns(config: Configuration): string[] {
  return (config.files as Array<string | { filter?: string[] }>).flatMap((entry) =>
    typeof entry === 'string' ? [entry] : (entry.filter ?? []),
  )
}

/** The glob matcher electron-builder's own file matching uses (its minimatch, dot files on). */
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
  minimatch: (path: string, pattern: string, options: { dot: boolean }) => boolean
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
}

// Loading the configuration compiles it (jiti) and the schema (ajv): seconds on a busy machine.
describe('electron-builder configuration', { timeout: 30_000 }, () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(await loadConfig(), logger)).resolves.toBeUndefined()
  })

  it('is refused by that validation when it has a key electron-builder does not know', async () => {
    const config = await loadConfig()
    await expect(validateConfiguration({ ...config, fileAssociation: [] } as Configuration, logger)).rejects.toThrow(/fileAssociation/)
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perUser: true } } as Configuration, logger)).rejects.toThrow(
      /configuration\.nsis/,
    )
    await expect(validateConfiguration({ ...config, npmRebuild: 'sometimes' } as unknown as Configuration, logger)).rejects.toThrow(
      /npmRebuild/,
    )
  })

  it('builds Wharf for every desktop: AppImage and deb, dmg with the hardened runtime, a per-user NSIS installer', async () => {
    const config = await loadConfig()
    expect(config).toMatchObject({
      appId: 'io.wharf.app',
      productName: 'Wharf',
      npmRebuild: false,
      linux: { target: ['AppImage', 'deb'], category: 'Development', icon: 'resources/icons' },
      mac: { target: 'dmg', hardenedRuntime: true, icon: 'resources/icon.icns' },
      win: { target: 'nsis', icon: 'resources/icon.ico' },
      nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    })
    expect(config.linux?.maintainer).toMatch(/<[^>]+@[^>]+>/)
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libnss3', 'libnotify4', 'libsecret-1-0']))
    expect(config.fileAssociations).toBeUndefined()
    expect(config.protocols).toBeUndefined()
    expect(config.afterPack).toBe('./build/afterPack.mjs')
    expect(statSync(join(root, 'build/afterPack.mjs')).isFile()).toBe(true)
  })

  it('ships the build, package.json and the window icons — no sources, tests or scripts', async () => {
    const config = await loadConfig()
    const included = filePatterns(config).filter((p) => !p.startsWith('!'))
    expect(included).toEqual(['out/**', 'package.json', 'resources/icons/256x256.png', 'resources/icon.ico'])
    for (const path of included.filter((p) => !p.includes('*'))) expect(statSync(join(root, path)).isFile()).toBe(true)
  })

  it('keeps every native part of node-pty out of the archive: unpacked beside it, or not shipped', async () => {
    const config = await loadConfig()
    const patterns = config.asarUnpack as string[]
    const excluded = filePatterns(config)
      .filter((p) => p.startsWith('!'))
      .map((p) => p.slice(1))
    const ptyDir = join(root, 'node_modules/node-pty')
    const native = filesUnder(ptyDir)
      .map((path) => relative(root, path).split('\\').join('/'))
      .filter((path) => /\.(node|exe|dll)$/.test(path) || path.endsWith('/spawn-helper'))
    // This machine's build and the prebuilt macOS and Windows binaries node-pty ships.
    expect(native).toEqual(
      expect.arrayContaining([
        'node_modules/node-pty/prebuilds/darwin-arm64/pty.node',
        'node_modules/node-pty/prebuilds/darwin-arm64/spawn-helper',
        'node_modules/node-pty/prebuilds/win32-x64/pty.node',
      ]),
    )
    const matches = (path: string, globs: string[]): boolean => globs.some((glob) => minimatch(path, glob, { dot: true }))
    const packed = native.filter((path) => !matches(path, patterns) && !matches(path, excluded))
    expect(packed).toEqual([])
    // The patterns do not unpack everything either.
    expect(matches('node_modules/dockerode/lib/docker.js', patterns)).toBe(false)
    expect(matches('node_modules/node-pty/prebuilds/win32-x64/pty.node', excluded)).toBe(false)
  })

  it('needs no rebuild for Electron: every node-pty binary is a Node-API addon', () => {
    const ptyDir = join(root, 'node_modules/node-pty')
    const pkg = JSON.parse(readFileSync(join(ptyDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(Object.keys(pkg.dependencies)).toContain('node-addon-api')
    const addons = filesUnder(ptyDir).filter((path) => path.endsWith('.node'))
    expect(addons.length).toBeGreaterThan(0)
    // A Node-API addon exports napi_register_module_v1 (ELF, Mach-O and PE export tables
    // alike); one built against V8's ABI would have node_register_module_v<ABI> instead.
    const notNapi = addons.filter((path) => !readFileSync(path).includes('napi_register_module_v1'))
    expect(notNapi.map((path) => relative(root, path))).toEqual([])
  })

  it('asks for the macOS entitlements Wharf needs and no others', () => {
    const plist = readFileSync(join(root, 'build/entitlements.mac.plist'), 'utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1])
    expect(keys).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.network.client'])
    expect(plist).not.toContain('disable-library-validation')
  })
})

describe('Electron fuses', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it('are exactly the settings Wharf ships with', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: true,
    })
    for (const name of Object.keys(FUSES)) expect(electronFuses.FuseV1Options).toHaveProperty(name)
  })

  it('become the config @electron/fuses takes, by fuse number', () => {
    const config = fuseConfig(electronFuses, { resetAdHocDarwinSignature: false })
    expect(config).toEqual({
      version: electronFuses.FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [electronFuses.FuseV1Options.RunAsNode]: false,
      [electronFuses.FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [electronFuses.FuseV1Options.EnableNodeCliInspectArguments]: false,
      [electronFuses.FuseV1Options.EnableCookieEncryption]: true,
      [electronFuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [electronFuses.FuseV1Options.OnlyLoadAppFromAsar]: true,
      [electronFuses.FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
    })
  })

  it('are flipped in the packaged binary by the afterPack hook, and the others left as Electron ships them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-fuses-'))
    dirs.push(dir)
    writeStandInBinary(join(dir, 'wharf'), '101100011')
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: 'wharf', appInfo: { productFilename: 'Wharf' } },
    } as unknown as Parameters<typeof afterPack>[0])
    // RunAsNode, Cookie, NodeOptions, Inspect, AsarIntegrity, OnlyAsar, (V8 snapshot), FileProtocol, (Wasm traps)
    expect(readWire(join(dir, 'wharf'))).toBe('010011011')
  })

  it('fail the package when the binary has no fuse wire, instead of shipping it unfused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-fuses-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'Wharf.exe'), 'an executable without a fuse wire')
    const context = { appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'Wharf' } } }
    await expect(afterPack(context as unknown as Parameters<typeof afterPack>[0])).rejects.toThrow(/sentinel/)
  })
})
