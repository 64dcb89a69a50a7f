/** How a refusal maps to an HTTP status, for both HTTP shells (browser mode and the desktop scheme). */
import { isErrorData, WharfError, type ErrorData } from '../../shared/errors'

export function errorData(err: unknown): ErrorData {
  return err instanceof WharfError ? err.toData() : isErrorData(err) ? err : { code: 'internal', message: String(err) }
}

/**
 * A refusal (what was asked is wrong, missing, in conflict, or not possible here) is a
 * 4xx: the client's doing. 5xx is kept for the engine failing (502), being unreachable
 * (503), and Wharf's own faults (500), so a 502 never blames the engine for a bad upload.
 */
export function statusOf(data: ErrorData): number {
  switch (data.code) {
    case 'invalid_input':
      return 400
    case 'not_found':
    case 'unknown_method':
      return 404
    case 'conflict':
    case 'not_modified':
      return 409
    case 'unsupported':
      return 422
    case 'engine_error':
      return 502
    case 'engine_unavailable':
      return 503
    case 'internal':
      return 500
  }
}

/** A file name as Content-Disposition carries it: plain ASCII, and the UTF-8 name for browsers that read it. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.-]/g, '_')
  return `attachment; filename="${ascii}"${ascii === filename ? '' : `; filename*=UTF-8''${encodeURIComponent(filename)}`}`
}
