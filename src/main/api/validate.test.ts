import { describe, expect, it } from 'vitest'
import { WharfError } from '../../shared/errors'
import { removeInput } from '../../shared/schemas'
import { validate } from './validate'

describe('validate', () => {
  it('returns parsed input', () => {
    expect(validate(removeInput, { id: ' web ', force: true }, 'containers.remove')).toEqual({ id: 'web', force: true })
  })

  it('names every bad field in a WharfError', () => {
    try {
      validate(removeInput, { id: '../x', force: 'yes' }, 'containers.remove')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(WharfError)
      const e = err as WharfError
      expect(e.code).toBe('invalid_input')
      expect(Object.keys(e.fields ?? {}).sort()).toEqual(['force', 'id'])
      expect(e.message).toMatch(/^Invalid input for containers.remove: /)
    }
  })
})
