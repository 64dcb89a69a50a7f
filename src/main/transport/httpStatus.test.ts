import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../shared/errors'
import { WharfError } from '../../shared/errors'
import { errorData, statusOf } from './httpStatus'

describe('statusOf', () => {
  it('answers every refusal with a 4xx, and keeps 502 for the engine failing', () => {
    const refusals: ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'not_modified', 'unknown_method', 'unsupported']
    for (const code of refusals) expect(statusOf({ code, message: '' }), code).toBeGreaterThanOrEqual(400)
    for (const code of refusals) expect(statusOf({ code, message: '' }), code).toBeLessThan(500)
    expect(statusOf({ code: 'engine_error', message: '' })).toBe(502)
    expect(statusOf({ code: 'engine_unavailable', message: '' })).toBe(503)
  })

  it('answers an unknown error with 500 "internal", never a 502 that blames the engine', () => {
    const data = errorData(new TypeError('boom'))
    expect(data).toEqual({ code: 'internal', message: 'TypeError: boom' })
    expect(statusOf(data)).toBe(500)
    expect(statusOf(errorData(new WharfError({ code: 'invalid_input', message: 'no' })))).toBe(400)
  })
})
