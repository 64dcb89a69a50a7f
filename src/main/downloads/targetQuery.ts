import { WharfError } from '../../shared/errors'
import type { FileTarget } from '../../shared/files'
import { fileTarget } from '../../shared/fileSchemas'

/** `kind=volume&name=…` or `kind=container&id=…`, validated like every API input. */
export function targetFromQuery(query: URLSearchParams): FileTarget {
  const kind = query.get('kind')
  const parsed = fileTarget.safeParse(kind === 'volume' ? { kind, name: query.get('name') ?? '' } : { kind, id: query.get('id') ?? '' })
  if (!parsed.success)
    throw new WharfError({
      code: 'invalid_input',
      message: `Say whose files: ${parsed.error.issues[0]?.message ?? 'kind=volume&name=… or kind=container&id=…'}`,
    })
  return parsed.data
}
