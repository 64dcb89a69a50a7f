/** Engines (E1–E3) and settings (A4): the app's own, so none takes an engine. */
import * as eng from '../engineSchemas'
import type { DockerContext, EngineEntry, EngineTestResult } from '../engines'
import * as s from '../schemas'
import { preferencesPatch, type SettingsView } from '../settings'
import { appMethod, appStream } from './spec'

export const enginesMethods = {
  /** Every engine Wharf is connected to, with its state; the default one marked. */
  'engines.list': appMethod<typeof s.empty, EngineEntry[]>(s.empty),
  /** The docker CLI's contexts in the user's docker config (read, never written), to add one as an engine. */
  'engines.contexts': appMethod<typeof s.empty, DockerContext[]>(s.empty),
  /** Tries an engine the user describes, without saving it: its version and OS, or exactly why not (TLS, SSH host key, auth…). */
  'engines.test': appMethod<typeof eng.engineInput, EngineTestResult>(eng.engineInput),
  /** Adds an engine and connects to it; it is saved (without secrets) and connected again at every start. */
  'engines.add': appMethod<typeof eng.engineInput, EngineEntry>(eng.engineInput),
  /** Disconnects and forgets an engine; its terminal sessions end. */
  'engines.remove': appMethod<typeof eng.engineRef, { removed: string }>(eng.engineRef),
  'engines.rename': appMethod<typeof eng.renameEngineInput, EngineEntry>(eng.renameEngineInput),
  /** The engine a new window opens on. */
  'engines.setDefault': appMethod<typeof eng.engineRef, { defaultEngine: string }>(eng.engineRef),
  /** The passphrase of an SSH engine's key, checked against the key, kept like the Add form's (never in the settings file); it connects at once. */
  'engines.unlock': appMethod<typeof eng.unlockEngineInput, EngineEntry>(eng.unlockEngineInput),
  /** The user checked an SSH host key's fingerprint and accepts it: added to known_hosts. */
  'engines.trustHostKey': appMethod<typeof eng.trustHostKeyInput, { trusted: string }>(eng.trustHostKeyInput),
  /** The preferences, where they are kept, and a notice if the file could not be read at start. */
  'settings.get': appMethod<typeof s.empty, SettingsView>(s.empty),
  /** Changes some preferences; saved at once. */
  'settings.update': appMethod<typeof preferencesPatch, SettingsView>(preferencesPatch),
} as const

export const enginesStreams = {
  /** The engines and their states, whenever one is added, removed or changes state; the first event is the current list. */
  'engines.changed': appStream<typeof s.empty, EngineEntry[]>(s.empty),
} as const
