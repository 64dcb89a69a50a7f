import type Dockerode from 'dockerode'
import type { IncomingMessage } from 'node:http'
import { asError } from './engineError'

export interface PingAnswer {
  flavor: 'docker' | 'podman'
  /** The API version the engine names in its headers, before /version has answered. */
  apiVersion?: string
}

/**
 * `GET /_ping`, reading the answer's headers: both engines name their API version there,
 * and Podman adds `Libpod-Api-Version` and `Server: Libpod/…`. That is enough to connect
 * and to know which engine this is; Podman's /version can take seconds under load
 * (it counts images and containers), so it must not decide whether the engine is up.
 */
export function pingEngine(client: Dockerode, signal?: AbortSignal): Promise<PingAnswer> {
  return new Promise((resolve, reject) => {
    client.modem.dial(
      { path: '/_ping', method: 'GET', isStream: true, abortSignal: signal, statusCodes: { 200: true, 500: 'server error' } },
      (err: unknown, res: unknown) => {
        if (err) return reject(asError(err))
        const message = res as IncomingMessage
        message.resume()
        resolve(answerFromHeaders(message.headers))
      },
    )
  })
}

export function answerFromHeaders(headers: IncomingMessage['headers']): PingAnswer {
  const header = (name: string): string | undefined => {
    const value = headers[name]
    return Array.isArray(value) ? value[0] : value
  }
  const podman = header('libpod-api-version') !== undefined || /libpod/i.test(header('server') ?? '')
  return { flavor: podman ? 'podman' : 'docker', apiVersion: header('api-version') }
}
