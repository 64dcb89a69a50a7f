/**
 * Opening a published port's web page. Main builds the address from the engine's own
 * binding (containers.openPort): the desktop window opens it in the system browser
 * there — the window itself may open https only — and browser mode answers it for this
 * page to open in a new tab. Why it could not be opened (not published any more, the
 * container gone) is kept for the view to say.
 */
import { ref } from 'vue'
import { useApi } from '../api'
import { errorText } from '@shared/errorText'

export function useOpenPort() {
  const api = useApi()
  const error = ref<string | null>(null)

  async function open(engine: string, id: string, port: number, protocol: 'tcp' | 'udp' | 'sctp' = 'tcp'): Promise<void> {
    error.value = null
    try {
      const { url, opened } = await api.engine(engine).call('containers.openPort', { id, port, protocol })
      if (!opened) window.open(url, '_blank', 'noopener,noreferrer')
    } catch (err) {
      error.value = errorText(err)
    }
  }

  return { open, error }
}
