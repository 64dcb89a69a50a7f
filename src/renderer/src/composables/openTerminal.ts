import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { useTerminalsStore, type OpenSpec } from '../stores/terminals'

/** "Open terminal" / "Attach" buttons outside the pane: open the session, then show it. */
export function useOpenTerminal() {
  const store = useTerminalsStore()
  const router = useRouter()
  const error = ref<string | null>(null)
  const opening = ref(false)

  async function open(spec: OpenSpec): Promise<void> {
    opening.value = true
    error.value = null
    try {
      await store.open(spec)
      await router.push('/terminal')
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
    } finally {
      opening.value = false
    }
  }

  return { open, error, opening }
}
