/**
 * Electron transport: the contract over ipcMain. ipcMain is injected so this module
 * stays testable without Electron. Every message's sender frame is checked against
 * the app's own window before anything runs; subscriptions end with their webContents,
 * and with their document: a reload or navigation starts a new page in the same
 * webContents, and the old page's streams have no reader any more.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import type { Api } from '../api/router'
import { toErrorData } from '../api/router'
import { IPC_CHANNELS as IPC } from '../../shared/contractNames'

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean

/** IPC is answered only for the main frame of the app's own window (never an iframe, never another window). */
export function mainFrameOnly(contents: () => Pick<WebContents, 'mainFrame'> | undefined): SenderCheck {
  return (event) => {
    const current = contents()
    return !!current && event.sender === current && event.senderFrame === current.mainFrame
  }
}

export interface IpcService {
  /** Stops answering and closes every stream. */
  stop(): void
  /** Streams open for all windows: what a leak would grow. */
  openStreams(): number
}

export function serveApiOverIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeAllListeners'>,
  api: Api,
  isTrustedSender: SenderCheck,
): IpcService {
  const subscriptions = new Map<WebContents, Map<number, () => void>>()

  /** Each window's webContents counts as one client (terminal sessions outlive none). */
  const clients = new Set<WebContents>()
  const track = (sender: WebContents): void => {
    if (clients.has(sender)) return
    clients.add(sender)
    const disconnected = api.clientConnected()
    sender.once('destroyed', () => {
      clients.delete(sender)
      disconnected()
    })
  }

  const forbidden = { ok: false, error: { code: 'invalid_input', message: 'IPC from an untrusted frame' } }

  // The engine a call acts on travels beside its input; app-wide calls send none.
  ipcMain.handle(IPC.call, (event, method: unknown, input: unknown, engine?: unknown) => {
    if (!isTrustedSender(event)) return forbidden
    track(event.sender)
    return api.call(method, input, engine)
  })

  ipcMain.on(IPC.signal, (event: IpcMainEvent, name: unknown, input: unknown) => {
    if (isTrustedSender(event)) api.signal(name, input)
  })

  ipcMain.handle(IPC.subscribe, (event, id: unknown, stream: unknown, input: unknown, engine?: unknown) => {
    if (!isTrustedSender(event)) return forbidden
    if (typeof id !== 'number' || !Number.isSafeInteger(id))
      return { ok: false, error: { code: 'invalid_input', message: 'Bad subscription id' } }
    const sender = event.sender
    track(sender)
    let mine = subscriptions.get(sender)
    if (!mine) {
      const created = new Map<number, () => void>()
      subscriptions.set(sender, created)
      const closeAll = (): void => {
        const closers = [...created.values()]
        created.clear()
        for (const close of closers) close()
      }
      sender.on('did-navigate', closeAll)
      sender.once('destroyed', () => {
        closeAll()
        subscriptions.delete(sender)
      })
      mine = created
    }
    try {
      mine.get(id)?.()
      let ended = false
      const close = api.subscribe(
        stream,
        input,
        {
          emit: (data) => {
            if (!sender.isDestroyed()) sender.send(IPC.event, id, data)
          },
          end: (error) => {
            ended = true
            mine.delete(id)
            if (!sender.isDestroyed()) sender.send(IPC.end, id, error)
          },
        },
        engine,
      )
      if (!ended) mine.set(id, close)
      return { ok: true, result: null }
    } catch (err) {
      return { ok: false, error: toErrorData(err) }
    }
  })

  ipcMain.handle(IPC.unsubscribe, (event, id: unknown) => {
    if (!isTrustedSender(event)) return forbidden
    const mine = subscriptions.get(event.sender)
    if (typeof id === 'number' && mine) {
      mine.get(id)?.()
      mine.delete(id)
    }
    return { ok: true, result: null }
  })

  return {
    stop() {
      for (const channel of [IPC.call, IPC.subscribe, IPC.unsubscribe]) ipcMain.removeHandler(channel)
      ipcMain.removeAllListeners(IPC.signal)
      for (const mine of subscriptions.values()) for (const close of mine.values()) close()
      subscriptions.clear()
    },
    openStreams: () => [...subscriptions.values()].reduce((n, mine) => n + mine.size, 0),
  }
}
