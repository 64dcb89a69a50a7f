import { createI18n } from 'vue-i18n'
// Compiled at build time (build/precompiledMessages.ts): the page has no message compiler.
// English is in the first chunk (it is also every message's fallback); Chinese is loaded
// when it is the language in use.
import en from 'virtual:wharf-messages/en'
import type enSource from './en'

/** The messages' shape is the English source's (the compiled ones are ASTs of the same keys). */
type Messages = typeof enSource

export type Locale = 'en' | 'zh-CN'
const STORAGE_KEY = 'wharf.locale'

const loaders: Record<Locale, () => Promise<{ default: unknown }>> = {
  en: () => Promise.resolve({ default: en }),
  'zh-CN': () => import('virtual:wharf-messages/zh-CN'),
}

export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'zh-CN') return saved
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: 'en' as Locale,
  fallbackLocale: 'en',
  messages: { en: en as unknown as Messages } as { en: Messages; 'zh-CN'?: Messages },
})

/** The language asked for last: a slower load of an earlier choice does not win over it. */
let wanted: Locale = 'en'

export async function setLocale(locale: Locale): Promise<void> {
  wanted = locale
  if (!i18n.global.availableLocales.includes(locale)) {
    const messages = (await loaders[locale]()).default as Messages
    i18n.global.setLocaleMessage(locale, messages)
  }
  if (wanted !== locale) return
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
