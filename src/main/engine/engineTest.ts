/**
 * "Test connection" before an engine is saved: the engine's version, API and OS, or the
 * precise reason it cannot be reached — the TLS refusal (unknown CA, expired, wrong host
 * name, client certificate refused), the SSH one (host key unknown or changed,
 * authentication, no docker on the remote), nothing listening, or no answer in time.
 */
import Dockerode from 'dockerode'
import type { EngineInput } from '../../shared/engineSchemas'
import type { EngineTestResult } from '../../shared/engines'
import { endpointUrl, connectionFor } from './profiles'
import type { KnownHosts } from './knownHosts'
import { optionsForEndpoint } from './endpoint'
import { HostKeyRefused } from './sshTunnel'

const TEST_TIMEOUT_MS = 15_000

export async function testEngine(input: EngineInput, knownHosts: KnownHosts): Promise<EngineTestResult> {
  let options: ReturnType<typeof connectionFor>
  try {
    options = connectionFor(input.endpoint, { passphrase: () => input.passphrase }, knownHosts)
  } catch (err) {
    return { reachable: false, message: (err as Error).message }
  }
  let docker: Dockerode
  try {
    docker = new Dockerode(options.clientOptions?.() ?? optionsForEndpoint(endpointUrl(input.endpoint)))
  } catch (err) {
    // A TLS client key that needs its passphrase is opened here, before any connection.
    options.tunnel?.close()
    return { reachable: false, message: (err as Error).message }
  }
  let timer: NodeJS.Timeout | undefined
  try {
    const answered = (async () => {
      await docker.ping()
      const [version, info] = await Promise.all([docker.version(), docker.info() as Promise<{ OperatingSystem?: string }>])
      return { version, info }
    })()
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`No answer from ${endpointUrl(input.endpoint)} within ${TEST_TIMEOUT_MS / 1000} s`)),
        TEST_TIMEOUT_MS,
      )
    })
    const { version, info } = await Promise.race([answered, timeout])
    const isPodman = (version.Components ?? []).some((c) => /podman/i.test(c.Name))
    return {
      reachable: true,
      flavor: isPodman ? 'podman' : 'docker',
      version: version.Version,
      apiVersion: version.ApiVersion,
      os: `${info.OperatingSystem ?? version.Os} (${version.Os}/${version.Arch})`,
    }
  } catch (err) {
    const refused = hostKeyRefusal(err)
    if (refused) return { reachable: false, message: refused.message, hostKey: refused.seen }
    return { reachable: false, message: describeConnectError(err, endpointUrl(input.endpoint)) }
  } finally {
    clearTimeout(timer)
    options.tunnel?.close()
  }
}

function hostKeyRefusal(err: unknown): HostKeyRefused | undefined {
  if (err instanceof HostKeyRefused) return err
  const cause = (err as { cause?: unknown } | null)?.cause
  return cause instanceof HostKeyRefused ? cause : undefined
}

/** Node's TLS and socket errors, in words a user can act on (the original code kept). */
export function describeConnectError(err: unknown, address: string): string {
  const e = err as NodeJS.ErrnoException & { reason?: string }
  const code = e.code ?? ''
  const said = `${e.message ?? String(err)}${code && !String(e.message).includes(code) ? ` (${code})` : ''}`
  if (
    [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ].includes(code)
  )
    return `TLS: the engine's certificate is not signed by the CA you gave (unknown CA) — ${said}`
  if (code === 'CERT_HAS_EXPIRED') return `TLS: the engine's certificate has expired — ${said}`
  if (code === 'CERT_NOT_YET_VALID') return `TLS: the engine's certificate is not valid yet — ${said}`
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS: the engine's certificate is not for this host name — ${e.reason ?? said}`
  if (/certificate required|bad certificate|unknown ca|certificate unknown/i.test(said))
    return `TLS: the engine refused the client certificate (or asked for one and none was given) — ${said}`
  if (code === 'ECONNREFUSED') return `Nothing accepts connections at ${address} — ${said}`
  if (code === 'ENOENT') return `There is no socket at ${address} — ${said}`
  if (code === 'EACCES') return `Wharf may not use the socket at ${address} (permission denied) — ${said}`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host name does not resolve — ${said}`
  return said
}
