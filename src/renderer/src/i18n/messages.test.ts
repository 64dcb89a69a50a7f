import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'
import { FIELD_TEXT } from '@shared/fieldText'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}

/** The value at a dotted path, or undefined. */
function at(tree: Tree, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return node
}

// Every per-domain message file, and every renderer source that asks for a message.
const domainFiles = import.meta.glob<Record<string, Tree>>(['./*.en.ts', './*.zh-CN.ts'], { eager: true })
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.vue', '!../**/*.test.ts', '!./**'], {
  eager: true,
  query: '?raw',
  import: 'default',
})

/**
 * The message keys the code names literally: `t('a.b')`, `$t('a.b')`, and the fixed
 * part of `t(`a.${x}`)`, which must be a group of messages.
 */
function keysUsed(): { exact: Map<string, string>; groups: Map<string, string> } {
  const exact = new Map<string, string>()
  const groups = new Map<string, string>()
  for (const [file, text] of Object.entries(sources)) {
    for (const m of text.matchAll(/(?<![\w.])\$?t\(\s*(['"])([\w.-]+)\1/g)) exact.set(m[2], file)
    for (const m of text.matchAll(/(?<![\w.])\$?t\(\s*`([\w.-]*)\$\{/g)) if (m[1].endsWith('.')) groups.set(m[1].slice(0, -1), file)
  }
  return { exact, groups }
}

describe('messages', () => {
  it('translates every check shared with main, with the same words in English', () => {
    expect(en.fields).toEqual(FIELD_TEXT)
    expect(Object.keys(zhCN.fields).sort()).toEqual(Object.keys(FIELD_TEXT).sort())
  })

  it('has the same keys in English and Simplified Chinese', () => {
    expect(keys(zhCN as Tree).sort()).toEqual(keys(en as Tree).sort())
  })

  it('has a Chinese twin with the same nested keys for every domain file, and both are in the messages', () => {
    const names = Object.keys(domainFiles).filter((f) => f.endsWith('.en.ts'))
    expect(names.length).toBeGreaterThan(10)
    const problems: string[] = []
    for (const enFile of names) {
      const zhFile = enFile.replace('.en.ts', '.zh-CN.ts')
      const enModule = domainFiles[enFile]
      const zhModule = domainFiles[zhFile] as Record<string, Tree> | undefined
      if (!zhModule) {
        problems.push(`${enFile}: no ${zhFile}`)
        continue
      }
      const enExports = Object.values(enModule)
      const zhExports = Object.values(zhModule)
      const enKeys = enExports.flatMap((tree) => keys(tree)).sort()
      const zhKeys = zhExports.flatMap((tree) => keys(tree)).sort()
      if (JSON.stringify(enKeys) !== JSON.stringify(zhKeys)) {
        const missing = enKeys.filter((k) => !zhKeys.includes(k)).map((k) => `zh-CN lacks ${k}`)
        const extra = zhKeys.filter((k) => !enKeys.includes(k)).map((k) => `en lacks ${k}`)
        problems.push(`${enFile}: ${[...missing, ...extra].join(', ')}`)
      }
      // A domain file that is not joined into the messages would be silently unused. It is
      // joined at the top, as a namespace of its own, or spread into a namespace (run's options).
      const joined = (messages: Tree, trees: Tree[]): boolean =>
        trees.some((tree) => {
          const all = keys(tree)
          const within = (root: unknown): boolean =>
            typeof root === 'object' && root !== null && all.every((k) => at(root as Tree, k) !== undefined)
          return all.length > 0 && (within(messages) || Object.values(messages).includes(tree) || Object.values(messages).some(within))
        })
      if (!joined(en, enExports) || !joined(zhCN, zhExports)) problems.push(`${enFile}: not joined into en.ts / zh-CN.ts`)
    }
    expect(problems).toEqual([])
  })

  it('has every message the code asks for, in both languages', () => {
    const { exact, groups } = keysUsed()
    expect(exact.size).toBeGreaterThan(300)
    const missing: string[] = []
    for (const [locale, messages] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      for (const [key, file] of exact) if (typeof at(messages, key) !== 'string') missing.push(`${locale} ${key} (${file})`)
      for (const [group, file] of groups) if (typeof at(messages, group) !== 'object') missing.push(`${locale} ${group}.* (${file})`)
    }
    expect(missing).toEqual([])
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
