/**
 * A new shell's output without the empty lines it starts with. BusyBox ash (the shell of
 * most small images) prints "\r\n\r\n" before its banner, so every terminal opened two
 * lines down; bash prints nothing first and is untouched. Only line breaks before the
 * first other byte are dropped, across chunks; everything after passes as it is.
 */
export function trimLeadingBlankLines(): (chunk: Buffer) => Buffer {
  let started = false
  return (chunk) => {
    if (started) return chunk
    let i = 0
    while (i < chunk.length && (chunk[i] === 0x0d || chunk[i] === 0x0a)) i++
    if (i < chunk.length) started = true
    return i === 0 ? chunk : chunk.subarray(i)
  }
}
