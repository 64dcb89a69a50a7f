import { describe, expect, it } from 'vitest'
import { trimLeadingBlankLines } from './leadingBlankLines'

describe('trimLeadingBlankLines', () => {
  it('drops the line breaks a shell starts with, across chunks, and nothing after', () => {
    const trim = trimLeadingBlankLines()
    expect(trim(Buffer.from('\r\n')).toString()).toBe('')
    expect(trim(Buffer.from('\r\nBusyBox\r\n\r\n/ # ')).toString()).toBe('BusyBox\r\n\r\n/ # ')
    expect(trim(Buffer.from('\r\n')).toString()).toBe('\r\n')
  })
})
