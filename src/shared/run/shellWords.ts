import { parse } from 'shell-quote'

export type ShellWords = { words: string[]; operators: string[]; unterminated?: "'" | '"' }

/** The quote left open at the end of the line, if any (shell-quote closes it silently). */
function openQuote(line: string): "'" | '"' | undefined {
  let quote: "'" | '"' | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote === "'") {
      if (c === "'") quote = undefined
    } else if (c === '\\') i++
    else if (quote === '"') {
      if (c === '"') quote = undefined
    } else if (c === "'" || c === '"') quote = c
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break
  }
  return quote
}

/**
 * Splits a command line the way a POSIX shell would (quotes, escapes, line
 * continuations). Variables are kept as written, not expanded; operators such as `|`
 * or `&&` end the command and are returned apart so the caller can say what was ignored.
 */
export function splitShellWords(line: string): ShellWords {
  const joined = line.replace(/\\\r?\n/g, '')
  const words: string[] = []
  const operators: string[] = []
  for (const token of parse(joined, (name) => `$${name}`)) {
    // The command ends at the first operator; what follows is another command.
    if (operators.length > 0) {
      if (typeof token === 'object' && 'op' in token && token.op !== 'glob') operators.push(token.op)
    } else if (typeof token === 'string') words.push(token)
    else if ('op' in token) {
      if (token.op === 'glob') words.push(token.pattern)
      else operators.push(token.op)
    }
    // Comments (`# …`) end the command, as in a shell.
  }
  const unterminated = openQuote(joined)
  return unterminated ? { words, operators, unterminated } : { words, operators }
}

const SAFE = /^[A-Za-z0-9_\-+=.,/:@%^]+$/

/** Quotes one word so a POSIX shell reads it back unchanged. */
export function quoteWord(word: string): string {
  if (SAFE.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

export function joinShellWords(words: readonly string[]): string {
  return words.map(quoteWord).join(' ')
}
