import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { useTerminalsStore, type OpenSpec } from '../stores/terminals'
import { useEngineId } from './engineScope'

/** What to open on the view's engine. */
export type OpenHere = OpenSpec extends infer S ? (S extends OpenSpec ? Omit<S, 'engine'> : never) : never

/** "Open terminal" / "Attach" buttons outside the pane: open the session on this engine, then show it. */
export function useOpenTerminal() {
  const engine = useEngineId()
  const store = useTerminalsStore()
  const router = useRouter()
  const error = ref<string | null>(null)
  const opening = ref(false)

  async function open(spec: OpenHere): Promise<void> {
    opening.value = true
    error.value = null
    try {
      await store.open({ ...spec, engine })
      await router.push({ name: 'terminal' })
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
    } finally {
      opening.value = false
    }
  }

  return { open, error, opening }
}
