const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }

/** Docker's RAMInBytes: a decimal with an optional b/k/m/g/t suffix (kb, mib… also accepted). */
export function parseMemory(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)(?:i?b)?$/i.exec(text.trim())
  if (!match) return undefined
  const bytes = Number(match[1]) * (UNITS[match[2].toLowerCase()] ?? NaN)
  return Number.isFinite(bytes) ? Math.round(bytes) : undefined
}

/** The shortest exact docker-style text for a byte count: 536870912 → "512m". */
export function formatMemory(bytes: number): string {
  for (const unit of ['t', 'g', 'm', 'k'] as const) {
    const size = UNITS[unit]
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`
  }
  return String(bytes)
}

/** --cpus 1.5 → NanoCpus 1_500_000_000. */
export function parseCpus(text: string): number | undefined {
  if (!/^\d+(\.\d{1,9})?$/.test(text.trim())) return undefined
  return Math.round(Number(text) * 1e9)
}
