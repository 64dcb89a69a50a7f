// electron-builder's afterPack hook: flips Wharf's fuses (build/fuses.mjs) in the packaged
// Electron binary before anything is signed, then reads them back, so a package never
// ships with a fuse that did not take.
import { join } from 'node:path'
import { FUSES, fuseConfig } from './fuses.mjs'

/** electron-builder's Arch enum value for arm64 (builder-util's Arch). */
const ARCH_ARM64 = 3

/** @param {import('app-builder-lib').AfterPackContext} context */
function binaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return join(appOutDir, /** @type {{ executableName: string }} */ (/** @type {unknown} */ (packager)).executableName)
}

/** @param {import('app-builder-lib').AfterPackContext} context */
export async function afterPack(context) {
  const fuses = await import('@electron/fuses')
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
  // Changing bytes voids the ad-hoc signature Apple silicon refuses to run without;
  // electron-builder signs for real afterwards when it has an identity.
  const config = fuseConfig(fuses, { resetAdHocDarwinSignature: mac && context.arch === ARCH_ARM64 })
  const binary = binaryPath(context)
  await fuses.flipFuses(binary, config)
  const wire = await fuses.getCurrentFuseWire(binary)
  const wrong = Object.entries(FUSES).filter(([name, on]) => {
    const state = wire[fuses.FuseV1Options[/** @type {keyof typeof fuses.FuseV1Options} */ (name)]]
    return state !== (on ? fuses.FuseState.ENABLE : fuses.FuseState.DISABLE)
  })
  if (wrong.length > 0) throw new Error(`Fuses did not take in ${binary}: ${wrong.map(([name]) => name).join(', ')}`)
  console.log(
    `  • fuses set in ${binary}: ${Object.entries(FUSES)
      .map(([n, on]) => `${n}=${on ? 'on' : 'off'}`)
      .join(', ')}`,
  )
}

export default afterPack
