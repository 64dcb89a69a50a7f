import { describe, expect, it } from 'vitest'
import { FIELD_TEXT, fieldKeyOf, fieldText } from './fieldText'

describe('field text', () => {
  it('fills values in and finds them again', () => {
    const text = fieldText('gatewayOutside', { gateway: '10.9.9.1', subnet: '10.1.0.0/24' })
    expect(text).toBe('The gateway 10.9.9.1 is not inside 10.1.0.0/24')
    expect(fieldKeyOf(text)).toEqual({ key: 'gatewayOutside', params: { gateway: '10.9.9.1', subnet: '10.1.0.0/24' } })
    expect(fieldKeyOf(FIELD_TEXT.nameSlash)).toEqual({ key: 'nameSlash', params: {} })
    expect(fieldKeyOf('Conflict. The container name is already in use')).toBeUndefined()
  })
})
