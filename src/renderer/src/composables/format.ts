import type { PortBinding } from '@shared/types'

/**
 * A size in binary units, labelled as what they are: KiB, MiB, GiB (1024-based, as the
 * engine, `docker` and `du -h` count them), never KB/MB, which mean powers of 1000.
 */
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B'
  let i = Math.max(0, Math.min(BINARY_UNITS.length - 1, Math.floor(Math.log2(bytes) / 10)))
  let value = bytes / 1024 ** i
  // 1023.7 KiB rounds to 1024: say 1.0 MiB instead.
  if (i > 0 && i < BINARY_UNITS.length - 1 && Math.round(value) >= 1024) {
    i += 1
    value /= 1024
  }
  return `${value >= 10 || i === 0 ? Math.round(value) : value.toFixed(1)} ${BINARY_UNITS[i]}`
}

/**
 * "8080→80/tcp" for a port published on every interface, "127.0.0.1:8080→80/tcp" when
 * bound to one address, "80/tcp" when not published.
 */
export function formatPort(p: PortBinding): string {
  const target = `${p.privatePort}/${p.type}`
  if (!p.publicPort) return target
  if (!p.ip || p.ip === '0.0.0.0' || p.ip === '::') return `${p.publicPort}→${target}`
  return `${p.ip.includes(':') ? `[${p.ip}]` : p.ip}:${p.publicPort}→${target}`
}

/** One line per distinct mapping; the engine lists IPv4 and IPv6 twice. */
export function formatPorts(ports: PortBinding[]): string[] {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const p of ports) {
    const key = `${p.publicPort ?? ''}:${p.privatePort}/${p.type}`
    if (seen.has(key)) continue
    seen.add(key)
    lines.push(formatPort(p))
  }
  return lines
}

// Building an Intl formatter costs about a millisecond; a table re-rendering fifty rows on
// every state change (P2) built two per row. One per locale, kept.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

export function formatRelative(epochSeconds: number, locale: string, now = Date.now()): string {
  const diff = Math.round(epochSeconds - now / 1000)
  let rtf = relativeFormats.get(locale)
  if (!rtf) relativeFormats.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })))
  const abs = Math.abs(diff)
  if (abs < 60) return rtf.format(diff, 'second')
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute')
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour')
  if (abs < 86400 * 30) return rtf.format(Math.round(diff / 86400), 'day')
  if (abs < 86400 * 365) return rtf.format(Math.round(diff / (86400 * 30)), 'month')
  return rtf.format(Math.round(diff / (86400 * 365)), 'year')
}

/** A date and time as the locale writes it (what Date#toLocaleString gives, without a new formatter per call). */
export function formatDateTime(epochMs: number, locale: string): string {
  let format = dateTimeFormats.get(locale)
  if (!format) dateTimeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' })))
  return format.format(epochMs)
}
