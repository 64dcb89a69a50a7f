// The Electron fuses Wharf ships with (DESIGN A5), in one place: build/afterPack.mjs flips
// them in the packaged binary and tests/packaging/packaging.test.ts checks this object.
// Keys are @electron/fuses' FuseV1Options names, so a misspelt fuse fails the build.

/** @type {Readonly<Record<string, boolean>>} */
export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed Wharf binary into a plain Node for anyone
  // who sets one variable. (Nothing in Wharf forks: node-pty's one fork() is Windows-only
  // console bookkeeping with a 5 s fallback, see README.)
  RunAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could preload code into main.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger on main, which holds engine credentials.
  EnableNodeCliInspectArguments: false,
  // Chromium's cookie store encrypted with the OS key store, as Chrome does.
  EnableCookieEncryption: true,
  // app.asar is checked against the hash electron-builder records (Info.plist on macOS,
  // a resource in the .exe on Windows); with the next fuse, no unchecked code loads.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // Kept ON, deliberately: the window loads the renderer with loadFile() from inside
  // app.asar. With this fuse off, Electron installs its asar-aware file:// loader neither
  // for navigations nor for subresources (shell/browser/protocol_registry.cc), and gives
  // file:// pages no file access (allow_file_access_from_file_urls), so the window would
  // stay blank. Turning it off needs the renderer served from a custom protocol first.
  GrantFileProtocolExtraPrivileges: true,
})

/**
 * The config @electron/fuses' flipFuses takes, built from FUSES.
 * @param {typeof import('@electron/fuses')} fuses the module, passed in so this file needs no import
 * @param {{ resetAdHocDarwinSignature: boolean }} options
 */
export function fuseConfig(fuses, { resetAdHocDarwinSignature }) {
  /** @type {Record<string | number, unknown>} */
  const config = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature }
  for (const [name, on] of Object.entries(FUSES)) {
    const index = /** @type {Record<string, unknown>} */ (fuses.FuseV1Options)[name]
    if (typeof index !== 'number') throw new Error(`@electron/fuses knows no fuse named ${name}`)
    config[index] = on
  }
  return /** @type {import('@electron/fuses').FuseV1Config} */ (config)
}
