/** How a refusal maps to an HTTP status, for both HTTP shells (browser mode and the desktop scheme). */
import { isErrorData, WharfError, type ErrorData } from '../../shared/errors'

export function errorData(err: unknown): ErrorData {
  return err instanceof WharfError ? err.toData() : isErrorData(err) ? err : { code: 'internal', message: String(err) }
}

export function statusOf(data: ErrorData): number {
  switch (data.code) {
    case 'not_found':
      return 404
    case 'invalid_input':
      return 400
    case 'conflict':
      return 409
    case 'unsupported':
      return 501
    default:
      return 502
  }
}

/** A file name as Content-Disposition carries it: plain ASCII, and the UTF-8 name for browsers that read it. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.-]/g, '_')
  return `attachment; filename="${ascii}"${ascii === filename ? '' : `; filename*=UTF-8''${encodeURIComponent(filename)}`}`
}
