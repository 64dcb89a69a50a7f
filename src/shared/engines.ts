/** What the renderer learns about engines (E1–E3). Plain JSON. */
import type { EngineEndpoint } from './engineSchemas'
import type { EngineStatus } from './types'

export type EngineSource = 'startup' | 'added'

export interface EngineEntry {
  /** Stable and URL-safe: routes carry it (#/e/<id>/containers). */
  id: string
  name: string
  /** `startup`: the engine Wharf found or was pointed at when it started; `added`: one the user added. */
  source: EngineSource
  /** How it is reached, for an added engine (no secrets). */
  endpoint?: EngineEndpoint
  status: EngineStatus
  isDefault: boolean
  /** An SSH engine whose key needs a passphrase Wharf does not have (`missing`) or has wrong (`wrong`): ask for it. */
  keyLock?: 'missing' | 'wrong'
}

/** A docker CLI context found in the user's docker config, to add as an engine. */
export interface DockerContext {
  name: string
  /** Its address as the CLI has it, e.g. ssh://deploy@build or unix:///var/run/docker.sock. */
  host: string
  /** The CLI's current context. */
  current: boolean
  description: string
  /** How Wharf would reach it; absent for what it cannot (a Windows pipe from another OS, a broken host). */
  endpoint?: EngineEndpoint
}

/** An SSH host key seen while connecting, as `ssh` shows it. */
export interface HostKeySeen {
  host: string
  port: number
  /** "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"… */
  algorithm: string
  /** "SHA256:…", as `ssh` prints it. */
  fingerprint: string
  /** The key as known_hosts spells it, to save when the user accepts it. */
  key: string
  /** unknown: not in known_hosts (ask); changed: known_hosts has another key for this host (refused). */
  verdict: 'unknown' | 'changed'
}

export type EngineTestResult =
  | {
      reachable: true
      flavor: 'docker' | 'podman'
      version: string
      apiVersion: string
      os: string
    }
  | {
      reachable: false
      /** Why, precisely: the TLS or SSH refusal, authentication, no docker on the remote, a timeout. */
      message: string
      hostKey?: HostKeySeen
    }
