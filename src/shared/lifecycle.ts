/**
 * The container state machine the seeds draw (Docker's event/state diagram): which
 * action moves a container from which state to which. The lifecycle tab draws it and
 * enables an action only where the engine accepts it without force.
 */
import type { ContainerState } from './types'

export type LifecycleState = Exclude<ContainerState, 'removing'> | 'removed'
export type LifecycleAction = 'start' | 'stop' | 'kill' | 'restart' | 'pause' | 'unpause' | 'remove'

export interface Transition {
  from: LifecycleState
  to: LifecycleState
  /** Actions the user can take along this edge; none for what the engine does by itself. */
  actions: LifecycleAction[]
  /** An engine event that takes this edge by itself (the main process exits, a restart policy fires). */
  event?: 'die' | 'restart-policy' | 'oom'
}

export const LIFECYCLE_STATES: LifecycleState[] = ['created', 'running', 'paused', 'restarting', 'exited', 'dead', 'removed']

export const TRANSITIONS: Transition[] = [
  { from: 'created', to: 'running', actions: ['start'] },
  { from: 'running', to: 'paused', actions: ['pause'] },
  { from: 'paused', to: 'running', actions: ['unpause'] },
  { from: 'running', to: 'running', actions: ['restart'] },
  { from: 'running', to: 'exited', actions: ['stop', 'kill'], event: 'die' },
  { from: 'paused', to: 'exited', actions: ['kill'] },
  { from: 'running', to: 'restarting', actions: [], event: 'restart-policy' },
  { from: 'restarting', to: 'running', actions: [], event: 'restart-policy' },
  { from: 'restarting', to: 'exited', actions: ['stop', 'kill'] },
  { from: 'exited', to: 'running', actions: ['start', 'restart'] },
  { from: 'created', to: 'removed', actions: ['remove'] },
  { from: 'exited', to: 'removed', actions: ['remove'] },
  { from: 'dead', to: 'removed', actions: ['remove'] },
]

/** What the user may do from a state. Removing a running container needs force and is offered elsewhere. */
export function legalActions(state: LifecycleState): LifecycleAction[] {
  const actions = new Set<LifecycleAction>()
  for (const t of TRANSITIONS) if (t.from === state) for (const a of t.actions) actions.add(a)
  return [...actions]
}

export function isLegal(state: LifecycleState, action: LifecycleAction): boolean {
  return legalActions(state).includes(action)
}
