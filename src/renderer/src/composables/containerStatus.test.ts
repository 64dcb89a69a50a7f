import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import en from '../i18n/en'
import zhCN from '../i18n/zh-CN'
import { formatAge, formatStatus, type StatusFacts, type Translate } from './containerStatus'

function translator(locale: 'en' | 'zh-CN'): Translate {
  const { t } = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } }).global
  return (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural))
}
const en_ = translator('en')
const zh = translator('zh-CN')
const NOW = 1_800_000_000_000
const ago = (ms: number) => NOW - ms

describe('formatAge', () => {
  it('writes ages as the docker CLI does', () => {
    expect(formatAge(400, en_)).toBe('Less than a second')
    expect(formatAge(1000, en_)).toBe('1 second')
    expect(formatAge(20_999, en_)).toBe('20 seconds')
    expect(formatAge(60_000, en_)).toBe('About a minute')
    expect(formatAge(5 * 60_000 + 59_000, en_)).toBe('5 minutes')
    expect(formatAge(59 * 60_000, en_)).toBe('59 minutes')
    expect(formatAge(3_600_000, en_)).toBe('About an hour')
    expect(formatAge(5 * 3_600_000, en_)).toBe('5 hours')
    expect(formatAge(3 * 86_400_000, en_)).toBe('3 days')
    expect(formatAge(20 * 86_400_000, en_)).toBe('2 weeks')
    expect(formatAge(90 * 86_400_000, en_)).toBe('3 months')
    expect(formatAge(800 * 86_400_000, en_)).toBe('2 years')
    expect(formatAge(-5000, en_)).toBe('Less than a second')
  })

  it('writes them in Chinese without an English word', () => {
    expect(formatAge(20_000, zh)).toBe('20 秒')
    expect(formatAge(60_000, zh)).toBe('约 1 分钟')
    expect(formatAge(3 * 60_000, zh)).toBe('3 分钟')
  })
})

describe('formatStatus', () => {
  const cases: Array<[StatusFacts, string, string]> = [
    [{ state: 'running', since: ago(20_000) }, 'Up 20 seconds', '运行中 20 秒'],
    [{ state: 'running', since: ago(300_000), health: 'healthy' }, 'Up 5 minutes (healthy)', '运行中 5 分钟（健康）'],
    [{ state: 'paused', since: ago(7_200_000) }, 'Up 2 hours (Paused)', '已暂停（已运行 2 小时）'],
    [{ state: 'exited', since: ago(180_000), exitCode: 137 }, 'Exited (137) 3 minutes ago', '已退出 (137) 3 分钟前'],
    [{ state: 'restarting', since: ago(2000), exitCode: 1 }, 'Restarting (1) 2 seconds ago', '正在重启 (1) 2 秒前'],
    [{ state: 'created' }, 'Created', '已创建'],
    [{ state: 'running' }, 'Up', '运行中'],
    [{ state: 'exited', exitCode: 0 }, 'Exited (0)', '已退出 (0)'],
    [{ state: 'dead' }, 'Dead', '已失效'],
  ]
  it.each(cases)('%o is "%s" in English and "%s" in Chinese', (facts, english, chinese) => {
    expect(formatStatus(facts, NOW, en_)).toBe(english)
    expect(formatStatus(facts, NOW, zh)).toBe(chinese)
    expect(chinese).not.toMatch(/[A-Za-z]/)
  })

  it('ages with the clock: the same facts a minute later say so', () => {
    const facts: StatusFacts = { state: 'running', since: ago(20_000) }
    expect(formatStatus(facts, NOW + 60_000, en_)).toBe('Up About a minute')
  })
})
