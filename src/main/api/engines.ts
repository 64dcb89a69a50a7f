/** Engines (E1–E3) and settings (A4) bound to the contract. */
import type { MethodName, StreamName } from '../../shared/contract'
import { preferences } from '../../shared/settings'
import { dockerContexts } from '../engine/dockerContexts'
import type { AppContext, MethodHandlers, Prefixed, StreamHandlers } from './context'

function settingsView(app: AppContext) {
  return {
    preferences: app.settings.preferences(),
    defaultEngine: app.book.defaultEngine(),
    file: app.settings.file,
    passphrases: app.book.passphrasesKept,
    notice: app.settings.notice,
  }
}

export const enginesMethods: MethodHandlers<Prefixed<MethodName, 'engines' | 'settings'>> = {
  'engines.list': (_input, app) => Promise.resolve(app.book.entries()),
  'engines.contexts': () => Promise.resolve(dockerContexts()),
  'engines.test': (input, app) => app.book.test(input),
  'engines.add': (input, app) => Promise.resolve(app.book.add(input)),
  'engines.remove': ({ id }, app) => app.book.remove(id),
  'engines.rename': ({ id, name }, app) => Promise.resolve(app.book.rename(id, name)),
  'engines.setDefault': ({ id }, app) => Promise.resolve(app.book.setDefault(id)),
  'engines.unlock': ({ id, passphrase }, app) => app.book.unlock(id, passphrase),
  'engines.trustHostKey': ({ host, port, key }, app) => app.book.trustHostKey(host, port, key),
  'settings.get': (_input, app) => Promise.resolve(settingsView(app)),
  'settings.update': (patch, app) => {
    const { language, ...rest } = patch
    const next = preferences.parse({
      ...app.settings.preferences(),
      ...rest,
      lists: { ...app.settings.preferences().lists, ...rest.lists },
      language: language === null ? undefined : (language ?? app.settings.preferences().language),
    })
    app.settings.setPreferences(next)
    return Promise.resolve(settingsView(app))
  },
}

export const enginesStreams: StreamHandlers<Prefixed<StreamName, 'engines'>> = {
  'engines.changed': (_input, sink, app) => {
    sink.emit(app.book.entries())
    return app.engines.changed.add(() => sink.emit(app.book.entries()))
  },
}
