/**
 * The app's preferences (A4), kept by main in the user's config folder: the theme, the
 * language, the terminal's font size and scrollback. Shown at once as the user changes
 * them, then saved; the default engine lives with the engines.
 */
import type { Preferences, SettingsView } from '@shared/settings'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useApi } from '../api'
import { setLocale } from '../i18n'
import { errorText } from '@shared/errorText'

const FALLBACK: Preferences = {
  theme: 'system',
  terminalFontSize: 13,
  terminalScrollback: 5000,
  buildContextLimitMb: 2048,
  imageArchiveLimitMb: 32_768,
  lists: {},
}

export const useSettingsStore = defineStore('settings', () => {
  const api = useApi()
  const view = ref<SettingsView | null>(null)
  const error = ref<string | null>(null)
  const preferences = computed<Preferences>(() => view.value?.preferences ?? FALLBACK)

  function adopt(next: SettingsView): void {
    view.value = next
    if (next.preferences.language) setLocale(next.preferences.language)
  }

  async function load(): Promise<void> {
    try {
      adopt(await api.call('settings.get', {}))
      error.value = null
    } catch (err) {
      error.value = errorText(err)
    }
  }

  async function update(patch: Partial<Omit<Preferences, 'language'>> & { language?: Preferences['language'] | null }): Promise<void> {
    try {
      adopt(await api.call('settings.update', patch))
      error.value = null
    } catch (err) {
      error.value = errorText(err)
    }
  }

  void load()
  return { view, preferences, error, load, update }
})
