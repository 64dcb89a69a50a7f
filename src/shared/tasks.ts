/**
 * Long-running work (pull, push) as tasks that outlive the view that started them: the
 * tasks panel lists them, shows per-layer progress as the seeds' `docker pull` transcript
 * does, and can cancel them.
 */
export type TaskKind = 'pull' | 'push' | 'build' | 'load' | 'clone' | 'compose' | 'stack'
export type TaskState = 'running' | 'done' | 'failed' | 'cancelled'

export interface LayerProgress {
  /** The layer's short digest, as the engine names it. */
  id: string
  /** "Waiting", "Downloading", "Extracting", "Pull complete", "Pushed", "Layer already exists"… */
  status: string
  current?: number
  total?: number
}

export interface TaskInfo {
  id: number
  kind: TaskKind
  /** The image reference it works on. */
  subject: string
  /** The engine it runs on (its id). */
  engine?: string
  state: TaskState
  startedAt: number
  endedAt?: number
  /** The engine's or registry's last words: the digest line on success, the error on failure. */
  message?: string
  layers: LayerProgress[]
  /** Build: the newest lines of the build output. */
  log?: string[]
}

/** The registry a reference lives in: its first part when that looks like a host, else Docker Hub. */
export function registryOf(reference: string): string {
  const first = reference.split('/')[0]
  const isHost = reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  return isHost ? first : 'docker.io'
}

/** name → name:latest, as `docker pull` does; a tag or digest given is kept. */
export function withDefaultTag(reference: string): string {
  const last = reference.slice(reference.lastIndexOf('/') + 1)
  return last.includes(':') || last.includes('@') ? reference : `${reference}:latest`
}
