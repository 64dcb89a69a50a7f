/**
 * The app's settings (A4): what the Settings page edits and main keeps in the user's
 * config folder. Engines the user added are saved here too, without their secrets.
 */
import { z } from 'zod'
import { engineEndpoint } from './engineSchemas'

export const savedEngine = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(64), endpoint: engineEndpoint })

export const preferences = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Unset: the OS's language (English or Simplified Chinese). */
  language: z.enum(['en', 'zh-CN']).optional(),
  terminalFontSize: z.number().int().min(8).max(32).default(13),
  terminalScrollback: z.number().int().min(100).max(100_000).default(5000),
})

export type Preferences = z.output<typeof preferences>

/** A change to the preferences: any subset. */
export const preferencesPatch = preferences
  .partial()
  .extend({ language: z.enum(['en', 'zh-CN']).nullable().optional() })
  .strict()

export interface SettingsView {
  preferences: Preferences
  /** The engine a new window opens on. */
  defaultEngine: string
  /** Where the settings live, for the user to find (or back up). */
  file: string
  /** Where SSH key passphrases are kept: the OS keychain (desktop), or memory until Wharf stops (browser mode, or no secure store). */
  passphrases: 'keychain' | 'memory'
  /** Said once after a start that could not read the file: it was kept aside, defaults are in use. */
  notice?: string
}
