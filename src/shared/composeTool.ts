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

/** Compose's default project name: the folder's name, lowercased, only [a-z0-9_-], not starting with - or _. */
export function defaultProjectName(folderName: string): string {
  return folderName
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[-_]+/, '')
}
