/**
 * The only bridge into the renderer: one function per contract method and one per
 * stream, nothing generic — no ipcRenderer, no process, no require.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { methodNames, streamNames } from '../shared/contract'

const CALL = 'wharf:call'
const SUB = 'wharf:sub'
const UNSUB = 'wharf:unsub'
const EVENT = 'wharf:event'

let nextId = 1
const listeners = new Map<number, (data: unknown) => void>()
ipcRenderer.on(EVENT, (_event, id: number, data: unknown) => listeners.get(id)?.(data))

const methods = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(CALL, name, input) as Promise<unknown>]),
)

const streams = Object.fromEntries(
  streamNames.map((name) => [
    name,
    (input: unknown, onEvent: (data: unknown) => void, onEnd: (error: unknown) => void): (() => void) => {
      const id = nextId++
      listeners.set(id, onEvent)
      void (ipcRenderer.invoke(SUB, id, name, input) as Promise<{ ok: boolean; error?: unknown }>).then((r) => {
        if (!r.ok) {
          listeners.delete(id)
          onEnd(r.error)
        }
      })
      return () => {
        listeners.delete(id)
        void ipcRenderer.invoke(UNSUB, id)
      }
    },
  ]),
)

contextBridge.exposeInMainWorld('wharf', { methods, streams })
