import type { BoundApi } from './app'
import type { TerminalEvent, TerminalInfo, TerminalStatus } from '../../../src/shared/terminal'
import { ok } from './app'

/** A viewer of one terminal through the real router, as the renderer's is. */
export function viewTerminal(api: BoundApi, info: TerminalInfo, options: { ack?: boolean; viewer?: string } = {}) {
  const viewer = options.viewer ?? `v${Math.random().toString(36).slice(2, 10)}`
  const chunks: Buffer[] = []
  let starts = 0
  let status: TerminalStatus | undefined
  let ended = false
  let received = 0
  const close = api.subscribe(
    'terminals.output',
    { id: info.id, viewer },
    (event) => {
      const e = event as TerminalEvent
      if (e instanceof Uint8Array) {
        chunks.push(Buffer.from(e))
        received += e.byteLength
        if (options.ack !== false) api.signal('terminals.ack', { id: info.id, viewer, bytes: e.byteLength })
      } else if (e.t === 'start') {
        starts++
        chunks.length = 0
      } else status = e.status
    },
    () => (ended = true),
  )
  return {
    viewer,
    chunks,
    bytes: () => Buffer.concat(chunks),
    text: () => Buffer.concat(chunks).toString('utf8'),
    received: () => received,
    starts: () => starts,
    status: () => status,
    ended: () => ended,
    ack: (bytes: number) => api.signal('terminals.ack', { id: info.id, viewer, bytes }),
    type: (text: string | Uint8Array) =>
      api.signal('terminals.input', { id: info.id, data: typeof text === 'string' ? Buffer.from(text) : text }),
    resize: (cols: number, rows: number) => api.signal('terminals.resize', { id: info.id, cols, rows }),
    close,
  }
}

export function openExec(api: BoundApi, container: string, extra: Record<string, unknown> = {}): Promise<TerminalInfo> {
  return ok<TerminalInfo>(api, 'terminals.exec', { container, cols: 80, rows: 24, ...extra })
}
