/**
 * Which engine a view acts on. Every engine pane lives under the route /e/<engine>/…,
 * whose view provides the id; the panes, their stores and their calls take it from
 * there. Switching engines remounts the panes, so nothing of one engine is shown on
 * another's page.
 */
import { inject, provide, type InjectionKey } from 'vue'
import { useApi } from '../api'
import type { EngineClient } from '../api/client'

const ENGINE: InjectionKey<string> = Symbol('wharf-engine')

export function provideEngine(id: string): void {
  provide(ENGINE, id)
}

/** The engine of the view being set up; only engine panes (under /e/<engine>) have one. */
export function useEngineId(): string {
  const id = inject(ENGINE, null)
  if (id === null) throw new Error('useEngineId() outside an engine view: this component belongs under /e/<engine>')
  return id
}

/** The view's engine, or null outside the engine panes (the list of every engine's containers). */
export function useOptionalEngineId(): string | null {
  return inject(ENGINE, null)
}

/** The API client for the view's engine. */
export function useEngineApi(): EngineClient {
  return useApi().engine(useEngineId())
}
