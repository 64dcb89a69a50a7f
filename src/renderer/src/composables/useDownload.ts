/** A download started from a click: the ticket is asked for first, and a refusal is shown, not lost. */
import { useMessage } from 'naive-ui'
import { ref } from 'vue'
import { startDownload, type DownloadRequest } from '../api/transfers'
import { useEngineId } from './engineScope'
import { useFieldMessages } from './fieldMessages'
import { errorText } from '@shared/errorText'

export function useDownload() {
  const engine = useEngineId()
  const message = useMessage()
  const field = useFieldMessages()
  const busy = ref(false)
  async function download(request: DownloadRequest): Promise<void> {
    busy.value = true
    try {
      await startDownload(engine, request)
    } catch (err) {
      message.error(field(errorText(err)))
    } finally {
      busy.value = false
    }
  }
  return { download, busy }
}
