/**
 * Errors cross the transport as plain data; the renderer turns them back into
 * WharfError so views can show `message` (the engine's own text) and branch on `code`.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'not_modified'
  | 'engine_unavailable'
  | 'engine_error'
  | 'unknown_method'
  | 'unsupported'
  | 'internal'

export interface ErrorData {
  code: ErrorCode
  message: string
  /** HTTP status the engine answered with, when the error came from the engine. */
  status?: number
  /** Per-field messages for invalid input, keyed by the dotted path of the field. */
  fields?: Record<string, string>
}

export class WharfError extends Error {
  readonly code: ErrorCode
  readonly status?: number
  readonly fields?: Record<string, string>

  constructor(data: ErrorData) {
    super(data.message)
    this.name = 'WharfError'
    this.code = data.code
    this.status = data.status
    this.fields = data.fields
  }

  toData(): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message }
    if (this.status !== undefined) data.status = this.status
    if (this.fields) data.fields = this.fields
    return data
  }
}

export function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorData).code === 'string' &&
    typeof (value as ErrorData).message === 'string'
  )
}

/** The result envelope every call returns, whatever the transport. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorData }
