/**
 * Engines the user adds (E2): how Wharf reaches each, as the Add engine form and the
 * settings file describe it. Secrets (an SSH key's passphrase) are part of an input but
 * never of what is saved.
 */
import { z } from 'zod'

const hostName = z
  .string()
  .trim()
  .min(1, 'Name the host')
  .max(253)
  .regex(/^[A-Za-z0-9.:_[\]-]+$/, 'A host name or address, like build.example.com or 10.0.0.5')
const port = z.number().int().min(1).max(65_535)
const absolutePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'An absolute path on the machine running Wharf')

const pemFile = z.object({ from: z.literal('file'), path: absolutePath }).strict()
const pemText = z
  .object({
    from: z.literal('text'),
    pem: z
      .string()
      .max(64 * 1024)
      .regex(/-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/, 'Paste the whole PEM, from -----BEGIN to -----END'),
  })
  .strict()

/** A PEM given as a file on the machine running Wharf, or pasted. */
export const pemSource = z.discriminatedUnion('from', [pemFile, pemText])

/**
 * A TLS client key: as a PEM, or `kept` — pasted when the engine was added and kept with
 * the engine's secrets (the OS keychain, or memory in browser mode), never in the
 * settings file nor sent back to the page.
 */
export const keySource = z.discriminatedUnion('from', [pemFile, pemText, z.object({ from: z.literal('kept') }).strict()])

export const engineEndpoint = z.discriminatedUnion('kind', [
  /** A local socket (Docker, Podman, rootless). */
  z.object({ kind: z.literal('unix'), path: absolutePath }).strict(),
  /** Plain TCP: unencrypted and unauthenticated; refused for another machine unless the user confirms. */
  z.object({ kind: z.literal('tcp'), host: hostName, port, insecureConfirmed: z.boolean() }).strict(),
  /** TCP with TLS: the server's CA, and a client certificate and key when the daemon asks for one (--tlsverify). */
  z
    .object({
      kind: z.literal('tls'),
      host: hostName,
      port,
      ca: pemSource,
      cert: pemSource.optional(),
      key: keySource.optional(),
    })
    .strict()
    .refine((e) => !e.cert === !e.key, { message: 'A client certificate needs its key, and a key its certificate', path: ['key'] }),
  /** `ssh://user@host[:port]`: the remote's `docker system dial-stdio`, host key checked against known_hosts. */
  z
    .object({
      kind: z.literal('ssh'),
      user: z
        .string()
        .trim()
        .min(1, 'Name the user')
        .max(64)
        .regex(/^[A-Za-z0-9._-]+$/, 'A user name, like root or deploy'),
      host: hostName,
      port,
      /** A private key file; without one, the SSH agent ($SSH_AUTH_SOCK). */
      identityFile: absolutePath.optional(),
    })
    .strict(),
])

export type EngineEndpoint = z.output<typeof engineEndpoint>

const engineName = z.string().trim().min(1, 'Name the engine').max(64)

/** What the Add engine form sends: how to reach it, and (never saved) a key's passphrase. */
export const engineInput = z
  .object({
    name: engineName,
    endpoint: engineEndpoint,
    passphrase: z.string().max(1024).optional(),
  })
  .strict()

export type EngineInput = z.output<typeof engineInput>

export const engineRef = z.object({ id: z.string().min(1).max(64) }).strict()

/** The passphrase of an added SSH engine's key, entered when Wharf has none (or a wrong one) for it. */
export const unlockEngineInput = z
  .object({ id: engineRef.shape.id, passphrase: z.string().min(1, 'Enter the key’s passphrase').max(1024) })
  .strict()

/** The user accepts an SSH host key shown by `engines.test`: it is added to known_hosts. */
export const trustHostKeyInput = z
  .object({
    host: hostName,
    port,
    /** The key as known_hosts spells it: "<algorithm> <base64>". */
    key: z
      .string()
      .max(16 * 1024)
      .regex(/^[a-z0-9@.-]+ [A-Za-z0-9+/=]+$/, 'A host key as known_hosts spells it'),
  })
  .strict()

export const renameEngineInput = z.object({ id: z.string().min(1).max(64), name: engineName }).strict()
