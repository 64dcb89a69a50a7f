/** Long-running work (A2): this domain's part of the contract (see index.ts). */
import { appMethod, appStream } from './spec'
import * as s from '../schemas'
import * as img from '../imageSchemas'
import type { TaskInfo } from '../tasks'

export const tasksMethods = {
  /** Running and recently finished tasks. */
  'tasks.list': appMethod<typeof s.empty, TaskInfo[]>(s.empty),
  /** Stop a running task (the engine abandons the transfer). */
  'tasks.cancel': appMethod<typeof img.taskRef, TaskInfo>(img.taskRef),
  /** Forget a finished task. */
  'tasks.dismiss': appMethod<typeof img.taskRef, { dismissed: number }>(img.taskRef),
} as const

export const tasksStreams = {
  /** A task started, progressed (at most ten times a second) or ended. */
  'tasks.changed': appStream<typeof s.empty, TaskInfo>(s.empty),
} as const
