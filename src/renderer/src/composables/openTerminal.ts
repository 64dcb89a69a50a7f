import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { useTerminalsStore, type OpenSpec } from '../stores/terminals'
import { useOptionalEngineId } from './engineScope'
import { errorText } from '@shared/errorText'

/** What to open on the view's engine. */
export type OpenHere = OpenSpec extends infer S ? (S extends OpenSpec ? Omit<S, 'engine'> : never) : never

/**
 * "Open terminal" / "Attach" buttons outside the pane: open the session on this engine
 * (or, in the list of every engine's containers, on the one named), then show it.
 */
export function useOpenTerminal() {
  const here = useOptionalEngineId()
  const store = useTerminalsStore()
  const router = useRouter()
  const error = ref<string | null>(null)
  const opening = ref(false)

  async function open(spec: OpenHere, engine = here): Promise<void> {
    if (engine === null) throw new Error('useOpenTerminal: no engine to open the terminal on')
    opening.value = true
    error.value = null
    try {
      await store.open({ ...spec, engine })
      await router.push({ name: 'terminal', params: { engine } })
    } catch (err) {
      error.value = errorText(err)
    } finally {
      opening.value = false
    }
  }

  return { open, error, opening }
}
