import type { z } from 'zod'
import { WharfError } from '../../shared/errors'

/** Parses an input from the renderer or throws invalid_input naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input ?? {})
  if (parsed.success) return parsed.data
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(input)'
    fields[key] ??= issue.message
  }
  const summary = Object.entries(fields)
    .map(([k, v]) => (k === '(input)' ? v : `${k}: ${v}`))
    .join('; ')
  return fail(`Invalid input for ${what}: ${summary}`, fields)
}

function fail(message: string, fields: Record<string, string>): never {
  throw new WharfError({ code: 'invalid_input', message, fields })
}
