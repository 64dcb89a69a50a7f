import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'
import { FIELD_TEXT } from '@shared/fieldText'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}

describe('messages', () => {
  it('translates every check shared with main, with the same words in English', () => {
    expect(en.fields).toEqual(FIELD_TEXT)
    expect(Object.keys(zhCN.fields).sort()).toEqual(Object.keys(FIELD_TEXT).sort())
  })

  it('has the same keys in English and Simplified Chinese', () => {
    expect(keys(zhCN as Tree).sort()).toEqual(keys(en as Tree).sort())
  })

  it('compiles every message in both languages (e.g. a bare "@" is link syntax)', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const errors: string[] = []
      const i18n = createI18n({
        legacy: false,
        locale,
        messages: { en, 'zh-CN': zhCN },
        missingWarn: false,
        fallbackWarn: false,
      })
      for (const key of keys(en)) {
        try {
          const text = i18n.global.t(key, {
            n: 2,
            name: 'x',
            shown: 1,
            total: 2,
            running: 1,
            action: 'a',
            message: 'm',
            pane: 'p',
            error: 'e',
            retry: '',
            seconds: 1,
            command: 'c',
          })
          if (text === key) errors.push(`${locale} ${key}: not resolved`)
        } catch (err) {
          errors.push(`${locale} ${key}: ${String(err)}`)
        }
      }
      expect(errors).toEqual([])
    }
  })
})
