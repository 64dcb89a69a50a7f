/**
 * The command palette's model (A3), free of Vue: what can be jumped to or done on the
 * current engine, and how a typed query picks and orders them. The component turns a
 * chosen command into a route or a store call.
 */
import type { ContainerState } from '@shared/types'

export const PALETTE_PAGES = [
  'containers',
  'images',
  'volumes',
  'networks',
  'terminal',
  'engine',
  'engines',
  'settings',
  'allContainers',
] as const
export type PalettePage = (typeof PALETTE_PAGES)[number]

export type ContainerVerb = 'start' | 'stop' | 'restart' | 'terminal' | 'logs'

export type PaletteTarget =
  | { kind: 'page'; page: PalettePage }
  | { kind: 'container'; id: string; name: string }
  | { kind: 'image'; id: string; name: string }
  | { kind: 'volume'; name: string }
  | { kind: 'network'; id: string; name: string }
  | { kind: 'containerAction'; verb: ContainerVerb; id: string; name: string }
  | { kind: 'pull' }
  | { kind: 'run' }

export interface PaletteCommand {
  /** Stable across lists, so a recent command is recognised again. */
  key: string
  target: PaletteTarget
  /** What the user reads, in the page's language. */
  label: string
  /** Also matched: the English words, so "restart web" finds it in Chinese too. */
  keywords: string
  /** A short note beside the label: the kind of thing, its state. */
  detail: string
}

export interface PaletteSources {
  containers: Array<{ id: string; name: string; state: ContainerState; image: string }>
  images: Array<{ id: string; tags: string[] }>
  volumes: Array<{ name: string }>
  networks: Array<{ id: string; name: string }>
}

export type PaletteText = (key: string, named?: Record<string, unknown>) => string

/** The container verbs a container in this state accepts (the engine refuses the others). */
export function verbsFor(state: ContainerState): ContainerVerb[] {
  switch (state) {
    case 'running':
      return ['restart', 'stop', 'terminal', 'logs']
    case 'paused':
    case 'restarting':
      return ['restart', 'stop', 'logs']
    case 'removing':
    case 'dead':
      return ['logs']
    default:
      return ['start', 'restart', 'logs']
  }
}

const VERB_WORDS: Record<ContainerVerb, string> = {
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  terminal: 'open terminal in shell exec',
  logs: 'show logs of',
}

const PAGE_WORDS: Record<PalettePage, string> = {
  containers: 'containers',
  images: 'images',
  volumes: 'volumes',
  networks: 'networks',
  terminal: 'terminal',
  engine: 'engine info disk events',
  engines: 'engines',
  settings: 'settings preferences theme language',
  allContainers: 'all engines containers',
}

/** Every command for the current engine, pages and global actions first. */
export function buildCommands(src: PaletteSources, t: PaletteText): PaletteCommand[] {
  const out: PaletteCommand[] = []
  for (const page of PALETTE_PAGES) {
    out.push({
      key: `page:${page}`,
      target: { kind: 'page', page },
      label: t(`palette.page.${page}`),
      keywords: PAGE_WORDS[page],
      detail: t('palette.kind.page'),
    })
  }
  out.push({ key: 'pull', target: { kind: 'pull' }, label: t('palette.pull'), keywords: 'pull image', detail: t('palette.kind.action') })
  out.push({
    key: 'run',
    target: { kind: 'run' },
    label: t('palette.run'),
    keywords: 'run new container create',
    detail: t('palette.kind.action'),
  })
  for (const c of src.containers) {
    const detail = t('palette.kind.container', { state: t(`containers.state.${c.state}`) })
    out.push({
      key: `container:${c.id}`,
      target: { kind: 'container', id: c.id, name: c.name },
      label: c.name,
      keywords: `container ${c.image}`,
      detail,
    })
    for (const verb of verbsFor(c.state)) {
      out.push({
        key: `${verb}:${c.id}`,
        target: { kind: 'containerAction', verb, id: c.id, name: c.name },
        label: t(`palette.verb.${verb}`, { name: c.name }),
        keywords: `${VERB_WORDS[verb]} ${c.name}`,
        detail,
      })
    }
  }
  for (const image of src.images) {
    const names = image.tags.length ? image.tags : [image.id.replace(/^sha256:/, '').slice(0, 12)]
    for (const name of names) {
      out.push({
        key: `image:${image.id}:${name}`,
        target: { kind: 'image', id: image.id, name },
        label: name,
        keywords: 'image',
        detail: t('palette.kind.image'),
      })
    }
  }
  for (const v of src.volumes) {
    out.push({
      key: `volume:${v.name}`,
      target: { kind: 'volume', name: v.name },
      label: v.name,
      keywords: 'volume',
      detail: t('palette.kind.volume'),
    })
  }
  for (const n of src.networks) {
    out.push({
      key: `network:${n.id}`,
      target: { kind: 'network', id: n.id, name: n.name },
      label: n.name,
      keywords: 'network',
      detail: t('palette.kind.network'),
    })
  }
  return out
}

/**
 * How well one query word fits a text: a word that starts there beats one inside a
 * word, which beats the letters in order with gaps ("rst" in "restart"); 0 is no fit.
 */
export function wordScore(word: string, text: string): number {
  const at = text.indexOf(word)
  if (at === 0) return 4
  if (at > 0) return /[\s\-_./:]/.test(text[at - 1]) ? 3 : 2
  let from = 0
  for (const ch of word) {
    from = text.indexOf(ch, from) + 1
    if (from === 0) return 0
  }
  return 1
}

/** A command's score for a query: every word must fit its label or its keywords. */
export function commandScore(command: PaletteCommand, query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const label = command.label.toLowerCase()
  const all = `${label} ${command.keywords.toLowerCase()}`
  let total = 0
  for (const word of words) {
    const score = Math.max(wordScore(word, label) * 2, wordScore(word, all))
    if (score === 0) return 0
    total += score
  }
  // The thing itself before the things done to it, and a whole-name hit above all.
  if (command.target.kind !== 'containerAction') total += 1
  if (label === query.trim().toLowerCase()) total += 10
  return total
}

/**
 * The commands to show for a query, best first, `limit` at most. Recent commands (keys,
 * newest first) lead an empty query and win ties otherwise.
 */
export function rankCommands(commands: PaletteCommand[], query: string, recent: string[], limit = 50): PaletteCommand[] {
  const recency = new Map(recent.map((key, i) => [key, recent.length - i]))
  if (!query.trim()) {
    const first = recent.map((key) => commands.find((c) => c.key === key)).filter((c): c is PaletteCommand => !!c)
    const rest = commands.filter((c) => !recency.has(c.key) && c.target.kind !== 'containerAction')
    return [...first, ...rest].slice(0, limit)
  }
  return commands
    .map((command) => {
      const score = commandScore(command, query)
      // Something used lately climbs a little, not above a clearly better fit.
      return { command, score: score && score + (recency.has(command.key) ? 2 : 0) }
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (recency.get(b.command.key) ?? 0) - (recency.get(a.command.key) ?? 0))
    .slice(0, limit)
    .map((s) => s.command)
}
