/** One upload at a time from a dialog: its progress, and a cancel that aborts the request. */
import { ref } from 'vue'

export function useStreamedUpload() {
  const sent = ref(0)
  const total = ref(0)
  const sending = ref(false)
  let abort: AbortController | undefined

  async function run<T>(size: number, send: (progress: (n: number) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
    abort = new AbortController()
    sent.value = 0
    total.value = size
    sending.value = true
    try {
      return await send((n) => (sent.value = n), abort.signal)
    } finally {
      sending.value = false
      abort = undefined
    }
  }

  function cancel(): void {
    abort?.abort()
  }

  return { sent, total, sending, run, cancel }
}
