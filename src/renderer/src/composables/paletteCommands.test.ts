import { describe, expect, it } from 'vitest'
import { buildCommands, commandScore, rankCommands, verbsFor, wordScore, type PaletteSources } from './paletteCommands'
import { readRecent, rememberRecent } from './paletteRecent'

const t = (key: string, named: Record<string, unknown> = {}): string =>
  key.startsWith('palette.verb.') ? `${key.slice('palette.verb.'.length)} ${String(named.name)}` : key

const sources: PaletteSources = {
  containers: [
    { id: 'c1', name: 'web', state: 'running', image: 'nginx' },
    { id: 'c2', name: 'webhook-worker', state: 'exited', image: 'busybox' },
    { id: 'c3', name: 'db', state: 'running', image: 'postgres' },
  ],
  images: [
    { id: 'sha256:abcdef0123456789', tags: ['nginx:1.27', 'nginx:latest'] },
    { id: 'sha256:fedcba9876543210', tags: [] },
  ],
  volumes: [{ name: 'webdata' }],
  networks: [{ id: 'n1', name: 'backend' }],
}

describe('palette commands', () => {
  const all = buildCommands(sources, t)

  it('offers only the verbs the engine accepts in each state', () => {
    expect(verbsFor('running')).toEqual(['restart', 'stop', 'terminal', 'logs'])
    expect(verbsFor('exited')).toEqual(['start', 'restart', 'logs'])
    expect(all.some((c) => c.key === 'terminal:c2')).toBe(false)
    expect(all.some((c) => c.key === 'start:c1')).toBe(false)
  })

  it('lists every tag of an image, and an untagged one by its short id', () => {
    const images = all.filter((c) => c.target.kind === 'image').map((c) => c.label)
    expect(images).toEqual(['nginx:1.27', 'nginx:latest', 'fedcba987654'])
  })

  it('scores a word at the start above one inside, above letters in order, and 0 for no fit', () => {
    expect(wordScore('web', 'web')).toBeGreaterThan(wordScore('web', 'my-web'))
    expect(wordScore('web', 'my-web')).toBeGreaterThan(wordScore('web', 'myweb'))
    expect(wordScore('rst', 'restart')).toBe(1)
    expect(wordScore('xyz', 'restart')).toBe(0)
  })

  it('puts "restart web" on the restart of web, above other containers with web in their name', () => {
    const ranked = rankCommands(all, 'restart web', [])
    expect(ranked[0].key).toBe('restart:c1')
    expect(ranked.some((c) => c.key === 'restart:c2')).toBe(true)
    expect(ranked.some((c) => c.target.kind === 'volume')).toBe(false)
  })

  it('finds a command by its English words whatever the label says', () => {
    const zh = buildCommands(sources, (key, named) => (key === 'palette.verb.restart' ? `重启 ${String(named?.name)}` : key))
    expect(rankCommands(zh, 'restart db', [])[0].key).toBe('restart:c3')
    expect(rankCommands(zh, '重启 db', [])[0].key).toBe('restart:c3')
  })

  it('ranks the thing itself above what is done to it, and an exact name first', () => {
    const ranked = rankCommands(all, 'web', [])
    expect(ranked[0].key).toBe('container:c1')
  })

  it('shows the recent commands first on an empty query, and no actions until asked', () => {
    const ranked = rankCommands(all, '', ['stop:c3', 'volume:webdata', 'gone'])
    expect(ranked.slice(0, 2).map((c) => c.key)).toEqual(['stop:c3', 'volume:webdata'])
    expect(ranked.slice(2).some((c) => c.target.kind === 'containerAction')).toBe(false)
  })

  it('lets a recent command win a tie', () => {
    const plain = rankCommands(all, 'nginx', [])
    const withRecent = rankCommands(all, 'nginx', ['image:sha256:abcdef0123456789:nginx:latest'])
    expect(plain[0].label).toBe('nginx:1.27')
    expect(withRecent[0].label).toBe('nginx:latest')
  })

  it('never matches on nothing', () => {
    expect(commandScore(all[0], 'zzzz')).toBe(0)
    expect(rankCommands(all, 'zzzz', [])).toEqual([])
  })
})

describe('palette recent', () => {
  function memory(): Pick<Storage, 'getItem' | 'setItem'> {
    const map = new Map<string, string>()
    return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) }
  }

  it('keeps the newest first, once each, at most eight, per engine', () => {
    const store = memory()
    for (let i = 0; i < 10; i++) rememberRecent('local', `k${i}`, store)
    rememberRecent('local', 'k5', store)
    expect(readRecent('local', store)).toEqual(['k5', 'k9', 'k8', 'k7', 'k6', 'k4', 'k3', 'k2'])
    expect(readRecent('other', store)).toEqual([])
  })

  it('starts afresh from a value that is not its own', () => {
    const store = memory()
    store.setItem('wharf.palette.recent.local', '{not json')
    expect(readRecent('local', store)).toEqual([])
    store.setItem('wharf.palette.recent.local', '[1, "a"]')
    expect(readRecent('local', store)).toEqual(['a'])
  })
})
