import { describe, expect, it } from 'vitest'
import { registryOf, withDefaultTag } from './tasks'

describe('image references', () => {
  it('finds the registry a reference lives in', () => {
    expect(registryOf('nginx')).toBe('docker.io')
    expect(registryOf('library/nginx:1.27')).toBe('docker.io')
    expect(registryOf('127.0.0.1:5000/team/app:v2')).toBe('127.0.0.1:5000')
    expect(registryOf('registry.example.com/app')).toBe('registry.example.com')
    expect(registryOf('localhost/app')).toBe('localhost')
  })

  it('adds :latest only when no tag or digest is given', () => {
    expect(withDefaultTag('nginx')).toBe('nginx:latest')
    expect(withDefaultTag('127.0.0.1:5000/app')).toBe('127.0.0.1:5000/app:latest')
    expect(withDefaultTag('127.0.0.1:5000/app:v2')).toBe('127.0.0.1:5000/app:v2')
    expect(withDefaultTag('app@sha256:abc')).toBe('app@sha256:abc')
  })
})
