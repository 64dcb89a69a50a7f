/** Tasks (A2), terminal sessions (T1–T5) and streamed transfers: the app's own, bound to the contract. */
import type { MethodName, SignalName, StreamName } from '../../shared/contract'
import type { MethodHandlers, Prefixed, SignalHandlers, StreamHandlers } from './context'

export const workMethods: MethodHandlers<Prefixed<MethodName, 'tasks' | 'terminals' | 'transfers'>> = {
  'tasks.list': (_input, app) => Promise.resolve(app.tasks.list()),
  'tasks.cancel': ({ id }, app) => Promise.resolve(app.tasks.cancel(id)),
  'tasks.dismiss': ({ id }, app) => Promise.resolve(app.tasks.dismiss(id)),
  'terminals.exec': (options, { engine, terminals }) => terminals.exec(engine, options),
  'terminals.attach': (options, { engine, terminals }) => terminals.attach(engine, options),
  'terminals.host': (size, { engine, terminals }) => terminals.host(engine, size),
  'terminals.list': (_input, app) => Promise.resolve(app.terminals.list()),
  'terminals.close': ({ id }, app) => app.terminals.close(id),
  // A ticket remembers its engine: the stream it opens later acts on that one.
  'transfers.download': (spec, { engine, tickets }) => Promise.resolve(tickets.forDownload(engine.id, spec)),
  'transfers.upload': (spec, { engine, tickets }) => Promise.resolve(tickets.forUpload(engine.id, spec)),
}

export const workStreams: StreamHandlers<Prefixed<StreamName, 'tasks' | 'terminals'>> = {
  'tasks.changed': (_input, sink, app) => app.tasks.changed.add(sink.emit),
  'terminals.output': ({ id, viewer }, sink, app) => app.terminals.watch(id, viewer, sink.emit, () => sink.end()),
}

export const workSignals: SignalHandlers<SignalName> = {
  'terminals.input': ({ id, data }, app) => app.terminals.input(id, data),
  'terminals.resize': ({ id, cols, rows }, app) => app.terminals.resize(id, cols, rows),
  'terminals.ack': ({ id, viewer, bytes }, app) => app.terminals.ack(id, viewer, bytes),
}
