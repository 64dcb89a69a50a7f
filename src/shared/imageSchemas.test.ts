import { describe, expect, it } from 'vitest'
import { FIELD_TEXT } from './fieldText'
import { tagInput, transferInput } from './imageSchemas'
import { imageNameLength } from './patterns'

const refusal = (reference: string): string | undefined => {
  const parsed = transferInput.safeParse({ reference })
  return parsed.success ? undefined : parsed.error.issues[0].message
}

describe('image references', () => {
  it('measures the name without its tag or digest, keeping a registry port', () => {
    expect(imageNameLength('127.0.0.1:5000/team/app:v2')).toBe('127.0.0.1:5000/team/app'.length)
    expect(imageNameLength('127.0.0.1:5000/team/app')).toBe('127.0.0.1:5000/team/app'.length)
    expect(imageNameLength(`busybox@sha256:${'a'.repeat(64)}`)).toBe(7)
  })

  it('refuses what docker refuses, before asking the engine', () => {
    expect(refusal('nginx:1.27')).toBeUndefined()
    expect(refusal(`127.0.0.1:5000/team/app@sha256:${'0'.repeat(64)}`)).toBeUndefined()
    expect(refusal('x'.repeat(255))).toBeUndefined()
    expect(refusal(`${'x'.repeat(256)}:1`)).toBe(FIELD_TEXT.imageNameLong)
    expect(refusal('UPPER/case')).toBe(FIELD_TEXT.imageName)
    expect(refusal('a:b:c')).toBe(FIELD_TEXT.imageName)
    expect(refusal('   ')).toBe(FIELD_TEXT.imageNameRequired)
    expect(tagInput.safeParse({ id: 'abcd', reference: `app@sha256:${'0'.repeat(64)}` }).error?.issues[0].message).toBe(
      FIELD_TEXT.tagDigest,
    )
  })
})
