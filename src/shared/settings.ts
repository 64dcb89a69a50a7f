/**
 * The app's settings (A4): what the Settings page edits and main keeps in the user's
 * config folder. Engines the user added are saved here too, without their secrets.
 */
import { z } from 'zod'
import { engineEndpoint } from './engineSchemas'

export const savedEngine = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(64), endpoint: engineEndpoint })

const columnKey = z.string().regex(/^[a-zA-Z][\w-]{0,39}$/)

/** How the user laid out one list (containers, images…): columns hidden, widths dragged, the sort. */
export const listLayout = z.object({
  hidden: z.array(columnKey).max(40).default([]),
  /** Widths in px the user dragged a column to; the others size themselves. */
  widths: z.record(columnKey, z.number().int().min(32).max(2000)).default({}),
  sort: z.object({ key: columnKey, dir: z.enum(['asc', 'desc']) }).optional(),
})
export type ListLayout = z.output<typeof listLayout>

export const preferences = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Unset: the OS's language (English or Simplified Chinese). */
  language: z.enum(['en', 'zh-CN']).optional(),
  terminalFontSize: z.number().int().min(8).max(32).default(13),
  terminalScrollback: z.number().int().min(100).max(100_000).default(5000),
  /** The largest build context a browser may upload, in MiB (browser mode's "Upload a folder"). */
  buildContextLimitMb: z.number().int().min(1).max(65_536).default(2048),
  /** The largest image archive a browser may upload for `docker load`, in MiB. */
  imageArchiveLimitMb: z.number().int().min(1).max(262_144).default(32_768),
  /** Per list, by the list's id ("containers", "images"…). A patch replaces only the lists it names. */
  lists: z
    .record(z.string().regex(/^[a-z][a-zA-Z-]{0,39}$/), listLayout)
    .refine((lists) => Object.keys(lists).length <= 20, 'At most 20 list layouts.')
    .default({}),
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
