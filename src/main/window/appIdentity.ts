/**
 * Who the app is to the OS. The id names the macOS bundle and the Windows AppUserModelID
 * (electron-builder.ts); Windows shows notifications only for the id the Start menu
 * shortcut carries, so main sets the same one. The help address is package.json's homepage.
 */
import { homepage } from '../../../package.json'

export const APP_ID = 'io.wharf.app'
export const PRODUCT_NAME = 'Wharf'
export const HELP_URL: string = homepage
