import { WharfError, type ErrorCode } from '../../shared/errors'
import { errorText } from '../../shared/errorText'

interface DockerodeError {
  statusCode?: number
  json?: { message?: unknown } | null
  reason?: string
  message?: string
  code?: string
}

const socketCodes = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EACCES', 'EHOSTUNREACH'])

/**
 * Turns what dockerode throws into a WharfError that keeps the engine's own message
 * ("Conflict. The container name "/web" is already in use ...") for the user.
 */
export function toWharfError(err: unknown): WharfError {
  if (err instanceof WharfError) return err
  const e = (err ?? {}) as DockerodeError
  if (typeof e.statusCode === 'number') {
    const engineMessage =
      e.json && typeof e.json.message === 'string' && e.json.message.length > 0
        ? e.json.message
        : (streamedCause(e.message) ?? e.reason ?? e.message ?? 'The engine refused the request')
    return new WharfError({ code: codeForStatus(e.statusCode), message: engineMessage, status: e.statusCode })
  }
  if (e.code && socketCodes.has(e.code)) {
    return new WharfError({ code: 'engine_unavailable', message: `The engine is not reachable (${e.code}): ${e.message ?? ''}`.trim() })
  }
  const message = errorText(err)
  return new WharfError({ code: 'internal', message })
}

/**
 * A streamed call (pull, push, build, logs, archives) leaves `json` empty: docker-modem
 * reads the engine's answer into its message instead, as "(HTTP code 500) server error -
 * <the engine's message> ". The engine's words are the part worth showing.
 */
function streamedCause(message: string | undefined): string | undefined {
  const cause = /^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(message ?? '')?.[1]?.trim()
  return cause ? cause : undefined
}

function codeForStatus(status: number): ErrorCode {
  if (status === 304) return 'not_modified'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 400) return 'invalid_input'
  return 'engine_error'
}

/** docker-modem hands callbacks `unknown` errors; promises want Error instances. */
export function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err))
}
