import { describe, expect, it } from 'vitest'
import { binaryInput, INPUT_CHUNK, inputChunks } from './terminalInput'

describe('terminal input', () => {
  it('encodes text as UTF-8 and splits a huge paste into bounded chunks, losing nothing', () => {
    expect([...inputChunks('é€')[0]]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac])
    const paste = 'x'.repeat(INPUT_CHUNK * 2 + 10)
    const chunks = inputChunks(paste)
    expect(chunks.map((c) => c.length)).toEqual([INPUT_CHUNK, INPUT_CHUNK, 10])
  })

  it('passes binary (mouse report) input through byte for byte', () => {
    expect([...binaryInput('\x1b[M\xff\x80')]).toEqual([0x1b, 0x5b, 0x4d, 0xff, 0x80])
  })
})
