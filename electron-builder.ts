/**
 * The desktop packages (DESIGN A5). `npm run dist` builds the app with electron-vite, then
 * runs electron-builder, which loads this file, for the current OS (README, "Desktop app
 * and packages"). tests/packaging/packaging.test.ts validates it with electron-builder's
 * own schema.
 */
import type { Configuration } from 'electron-builder'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { requiredPackages, unneededModuleExcludes, type Lockfile } from './build/packagedModules'
import { APP_ID, PRODUCT_NAME } from './src/main/window/appIdentity'

const root = __dirname

function bundles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
}

/**
 * Production packages main and preload do not require (the renderer's, bundled already).
 * Without a build there is nothing to read the requires from, and nothing to package.
 */
function moduleExcludes(): string[] {
  const built = [...bundles(join(root, 'out/main')), ...bundles(join(root, 'out/preload'))]
  if (built.length === 0) return []
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile
  return unneededModuleExcludes(lock, requiredPackages(built))
}

const DEB_DEPENDS = [
  // Electron's own needs: GTK, NSS, accessibility, X test/screensaver, ALSA, uuid.
  // The t64 names are Debian 13's and Ubuntu 24.04's.
  'libgtk-3-0 | libgtk-3-0t64',
  'libnss3',
  'libxss1',
  'libxtst6',
  'libatspi2.0-0 | libatspi2.0-0t64',
  'libasound2 | libasound2t64',
  'libuuid1',
  'xdg-utils',
  // Task notifications.
  'libnotify4',
  // safeStorage: the registry password vault.
  'libsecret-1-0',
]

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  directories: { output: 'dist', buildResources: 'build' },
  // What runs: the electron-vite build and package.json, plus the window icon on Linux and
  // Windows (src/main/window/appIcon.ts). electron-builder adds the production packages.
  files: [
    'out/**',
    '!out/**/*.map',
    'package.json',
    'resources/icons/256x256.png',
    'resources/icon.ico',
    // node-pty's sources and build inputs; third_party's ConPTY binaries repeat prebuilds/'.
    '!**/node_modules/node-pty/{deps,src,scripts,third_party,node-addon-api}{,/**}',
    ...moduleExcludes(),
  ],
  asar: true,
  // node-pty's native parts cannot be used from inside the archive: pty.node is dlopen'ed;
  // spawn-helper (macOS), winpty-agent.exe, conpty.dll and OpenConsole.exe (Windows) are
  // executed. node-pty rewrites its own helper paths to app.asar.unpacked.
  asarUnpack: ['node_modules/node-pty/build/Release/**', 'node_modules/node-pty/prebuilds/**'],
  // node-pty 1.x is a Node-API addon: one binary loads in Node and in any Electron, so
  // nothing is rebuilt for Electron's ABI (README, "Native modules").
  npmRebuild: false,
  afterPack: './build/afterPack.mjs',
  // This configuration builds packages; it never uploads them.
  publish: null,

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'wharf',
    category: 'Development',
    icon: 'resources/icons',
    synopsis: 'Manage Docker and Podman engines',
    description:
      'Point-and-click management of Docker and Podman engines, local or remote: containers, images, volumes, networks and terminals.',
    maintainer: 'Wharf maintainers <maintainers@users.noreply.b-seed-992b7567.example>',
    vendor: 'Wharf maintainers',
  },
  // An engine is recommended, not required: Wharf manages remote ones too.
  deb: { depends: DEB_DEPENDS, recommends: ['docker.io | docker-ce | podman'] },

  mac: {
    target: 'dmg',
    category: 'public.app-category.developer-tools',
    icon: 'resources/icon.icns',
    hardenedRuntime: true,
    // allow-jit and network.client only; README, "macOS entitlements", says why not more.
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },

  win: { target: 'nsis', icon: 'resources/icon.ico' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
}

export default config
