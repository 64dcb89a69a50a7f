/** Running a compose file through the user's compose tool (E7): what the renderer sees. */

export type ComposeToolInfo =
  | { found: true; name: 'docker compose' | 'docker-compose' | 'podman-compose'; version: string }
  /** None installed: the page says how to install one. */
  | { found: false }

export const COMPOSE_COMMANDS = ['up', 'down', 'pull', 'build', 'config'] as const
export type ComposeCommand = (typeof COMPOSE_COMMANDS)[number]

export interface ComposeFile {
  /** The file as opened (absolute). */
  path: string
  text: string
  /** The project name the tool gives it when none is chosen: its folder's name, as Compose normalizes it. */
  defaultProject: string
}

/**
 * The project name a tool gives a file's folder when none is chosen: Compose v2 keeps
 * [a-z0-9_-] (not leading - or _); the Python docker-compose (v1) keeps only [a-z0-9].
 */
export function defaultProjectName(folderName: string, tool?: string): string {
  const lower = folderName.toLowerCase()
  if (tool === 'docker-compose') return lower.replace(/[^a-z0-9]/g, '')
  return lower.replace(/[^a-z0-9_-]/g, '').replace(/^[-_]+/, '')
}
