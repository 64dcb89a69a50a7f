import { computed, type ComputedRef } from 'vue'
import { useSettingsStore } from '../stores/settings'

/** The message key that says truly where a passphrase typed here will be kept. */
export function usePassphraseHint(): ComputedRef<string> {
  const settings = useSettingsStore()
  return computed(() => (settings.view?.passphrases === 'keychain' ? 'engines.passphraseHintKeychain' : 'engines.passphraseHint'))
}

/** The same for a pasted private key, kept with the passphrases. */
export function usePastedKeyHint(): ComputedRef<string> {
  const settings = useSettingsStore()
  return computed(() => (settings.view?.passphrases === 'keychain' ? 'engines.pastedKeyHintKeychain' : 'engines.pastedKeyHint'))
}
