/**
 * The only bridge into the renderer: one function per contract method, stream and
 * signal, nothing generic — no ipcRenderer, no process, no require.
 *
 * This runs in Electron's sandbox, where `require` reaches `electron` and nothing else
 * we could use: it imports only the contract's names (no schema, no zod), and a check in
 * `npm test` loads the built file the way the sandbox does to keep it so.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNELS as IPC, METHOD_NAMES, SIGNAL_NAMES, STREAM_NAMES } from '../shared/contractNames'

let nextId = 1
const listeners = new Map<number, (data: unknown) => void>()
const enders = new Map<number, (error: unknown) => void>()
ipcRenderer.on(IPC.event, (_event, id: number, data: unknown) => listeners.get(id)?.(data))
ipcRenderer.on(IPC.end, (_event, id: number, error: unknown) => {
  const onEnd = enders.get(id)
  listeners.delete(id)
  enders.delete(id)
  onEnd?.(error)
})

// `engine`: the engine an engine-scoped call acts on (main refuses one without it); app-wide calls pass none.
const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [
    name,
    (input: unknown, engine?: string) => ipcRenderer.invoke(IPC.call, name, input, engine) as Promise<unknown>,
  ]),
)

const streams = Object.fromEntries(
  STREAM_NAMES.map((name) => [
    name,
    (input: unknown, onEvent: (data: unknown) => void, onEnd: (error: unknown) => void, engine?: string): (() => void) => {
      const id = nextId++
      listeners.set(id, onEvent)
      enders.set(id, onEnd)
      void (ipcRenderer.invoke(IPC.subscribe, id, name, input, engine) as Promise<{ ok: boolean; error?: unknown }>).then((r) => {
        if (!r.ok) {
          listeners.delete(id)
          enders.delete(id)
          onEnd(r.error)
        }
      })
      return () => {
        listeners.delete(id)
        enders.delete(id)
        void ipcRenderer.invoke(IPC.unsubscribe, id)
      }
    },
  ]),
)

// Fire-and-forget: terminal keystrokes (Uint8Array, structured-cloned), resizes, acks.
const signals = Object.fromEntries(SIGNAL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.send(IPC.signal, name, input)]))

contextBridge.exposeInMainWorld('wharf', { methods, streams, signals })
