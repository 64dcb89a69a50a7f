import { describe, expect, it } from 'vitest'
import { answerFromHeaders } from './ping'

describe('answerFromHeaders', () => {
  it('knows Podman by its libpod headers and Docker by their absence', () => {
    expect(answerFromHeaders({ 'api-version': '1.41', 'libpod-api-version': '4.3.1', server: 'Libpod/4.3.1 (linux)' })).toEqual({
      flavor: 'podman',
      apiVersion: '1.41',
    })
    expect(answerFromHeaders({ 'api-version': '1.41', server: 'Docker/20.10.24+dfsg1 (linux)' })).toEqual({
      flavor: 'docker',
      apiVersion: '1.41',
    })
    expect(answerFromHeaders({})).toEqual({ flavor: 'docker', apiVersion: undefined })
  })
})
