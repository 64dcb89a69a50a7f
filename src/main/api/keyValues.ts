/** KEY=VALUE lines (build args) as an object; the schema has already checked each has a key and an `=`. */
export function keyValues(lines: string[]): Record<string, string> {
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
}
