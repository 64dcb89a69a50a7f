import type {
  AppMethodName,
  AppStreamName,
  EngineMethodName,
  EngineStreamName,
  MethodInput,
  MethodName,
  MethodOutput,
  SignalInput,
  SignalName,
  StreamEvent,
  StreamInput,
  StreamName,
} from '@shared/contract'
import { WharfError } from '@shared/errors'
import type { Bridge } from './bridge'

/**
 * Typed calls over any bridge; failures become WharfError with the engine's message.
 * The app client takes only app-wide methods and streams; `engine(id)` gives the client
 * for one engine, which takes only engine-scoped ones — so a call cannot forget its
 * engine, or name one it should not.
 */
export function createClient(bridge: Bridge) {
  async function call<M extends MethodName>(method: M, input: MethodInput<M>, engine?: string): Promise<MethodOutput<M>> {
    const envelope = await bridge.call(method, input, engine)
    if (!envelope.ok) throw new WharfError(envelope.error)
    return envelope.result as MethodOutput<M>
  }

  function subscribe<S extends StreamName>(
    stream: S,
    input: StreamInput<S>,
    onEvent: (event: StreamEvent<S>) => void,
    onEnd: (error?: WharfError) => void = () => undefined,
    engine?: string,
  ): () => void {
    return bridge.subscribe(
      stream,
      input,
      (data) => onEvent(data as StreamEvent<S>),
      (error) => onEnd(error ? new WharfError(error) : undefined),
      engine,
    )
  }

  return {
    call: <M extends AppMethodName>(method: M, input: MethodInput<M>) => call(method, input),
    subscribe: <S extends AppStreamName>(
      stream: S,
      input: StreamInput<S>,
      onEvent: (event: StreamEvent<S>) => void,
      onEnd?: (error?: WharfError) => void,
    ) => subscribe(stream, input, onEvent, onEnd),
    /** Fire-and-forget; nothing comes back, failures are dropped in main. */
    signal<N extends SignalName>(name: N, input: SignalInput<N>): void {
      bridge.signal(name, input)
    },
    onTransportState: bridge.onState.bind(bridge),
    /** The client for one engine. */
    engine(id: string) {
      return {
        id,
        call: <M extends EngineMethodName>(method: M, input: MethodInput<M>) => call(method, input, id),
        subscribe: <S extends EngineStreamName>(
          stream: S,
          input: StreamInput<S>,
          onEvent: (event: StreamEvent<S>) => void,
          onEnd?: (error?: WharfError) => void,
        ) => subscribe(stream, input, onEvent, onEnd, id),
      }
    },
  }
}

export type Client = ReturnType<typeof createClient>
export type EngineClient = ReturnType<Client['engine']>
