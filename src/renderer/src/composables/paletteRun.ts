/**
 * Carries out a palette command on an engine: a jump is a route; an action goes through
 * the same stores the panes use, so it is serialized with the row buttons and its
 * refusal arrives in the engine's words.
 */
import { useRouter, type RouteLocationRaw } from 'vue-router'
import { useContainersStore } from '../stores/containers'
import { useTerminalsStore } from '../stores/terminals'
import type { PaletteCommand, PalettePage } from './paletteCommands'
import { errorText } from '@shared/errorText'

export type RunOutcome =
  /** Done: the palette closes; `message` is said, when there is something to say. */
  { ok: true; message?: 'done'; openPull?: boolean } | { ok: false; message: string }

const APP_PAGES: PalettePage[] = ['engines', 'settings', 'allContainers']

export function usePaletteRun() {
  const router = useRouter()
  const terminals = useTerminalsStore()

  function pageRoute(page: PalettePage, engine: string | null): RouteLocationRaw | null {
    if (APP_PAGES.includes(page)) return { name: page }
    return engine ? { name: page, params: { engine } } : null
  }

  async function run(command: PaletteCommand, engine: string | null): Promise<RunOutcome> {
    const target = command.target
    if (target.kind === 'page') {
      const to = pageRoute(target.page, engine)
      if (to) await router.push(to)
      return { ok: true }
    }
    // Everything else lives on an engine; the palette lists it only when there is one.
    if (!engine) return { ok: true }
    switch (target.kind) {
      case 'container':
        await router.push({ name: 'container', params: { engine, id: target.id } })
        return { ok: true }
      case 'image':
        await router.push({
          name: 'image',
          params: { engine, id: target.id },
          query: target.name.includes(':') ? { ref: target.name } : {},
        })
        return { ok: true }
      case 'volume':
        await router.push({ name: 'volume', params: { engine, name: target.name } })
        return { ok: true }
      case 'network':
        await router.push({ name: 'network', params: { engine, id: target.id } })
        return { ok: true }
      case 'run':
        await router.push({ name: 'run', params: { engine } })
        return { ok: true }
      case 'pull':
        await router.push({ name: 'images', params: { engine } })
        return { ok: true, openPull: true }
      case 'containerAction':
        switch (target.verb) {
          case 'logs':
            await router.push({ name: 'container', params: { engine, id: target.id }, query: { tab: 'logs' } })
            return { ok: true }
          case 'terminal':
            try {
              await terminals.open({ kind: 'exec', engine, container: target.id })
            } catch (err) {
              return { ok: false, message: errorText(err) }
            }
            await router.push({ name: 'terminal', params: { engine } })
            return { ok: true }
          default: {
            const [failure] = await useContainersStore(engine).act([target.id], target.verb)
            return failure ? { ok: false, message: failure.message } : { ok: true, message: 'done' }
          }
        }
    }
  }

  return { run }
}
