/**
 * The only bridge into the renderer: one function per contract method and one per
 * stream, nothing generic — no ipcRenderer, no process, no require.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { methodNames, signalNames, streamNames } from '../shared/contract'

const CALL = 'wharf:call'
const SUB = 'wharf:sub'
const UNSUB = 'wharf:unsub'
const EVENT = 'wharf:event'
const END = 'wharf:end'
const SIGNAL = 'wharf:signal'

let nextId = 1
const listeners = new Map<number, (data: unknown) => void>()
const enders = new Map<number, (error: unknown) => void>()
ipcRenderer.on(EVENT, (_event, id: number, data: unknown) => listeners.get(id)?.(data))
ipcRenderer.on(END, (_event, id: number, error: unknown) => {
  const onEnd = enders.get(id)
  listeners.delete(id)
  enders.delete(id)
  onEnd?.(error)
})

const methods = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(CALL, name, input) as Promise<unknown>]),
)

const streams = Object.fromEntries(
  streamNames.map((name) => [
    name,
    (input: unknown, onEvent: (data: unknown) => void, onEnd: (error: unknown) => void): (() => void) => {
      const id = nextId++
      listeners.set(id, onEvent)
      enders.set(id, onEnd)
      void (ipcRenderer.invoke(SUB, id, name, input) as Promise<{ ok: boolean; error?: unknown }>).then((r) => {
        if (!r.ok) {
          listeners.delete(id)
          enders.delete(id)
          onEnd(r.error)
        }
      })
      return () => {
        listeners.delete(id)
        enders.delete(id)
        void ipcRenderer.invoke(UNSUB, id)
      }
    },
  ]),
)

// Fire-and-forget: terminal keystrokes (Uint8Array, structured-cloned), resizes, acks.
const signals = Object.fromEntries(signalNames.map((name) => [name, (input: unknown) => ipcRenderer.send(SIGNAL, name, input)]))

contextBridge.exposeInMainWorld('wharf', { methods, streams, signals })
