import type { MethodInput, MethodName, MethodOutput, SignalInput, SignalName, StreamEvent, StreamInput, StreamName } from '@shared/contract'
import { WharfError } from '@shared/errors'
import type { Bridge } from './bridge'

/** Typed calls over any bridge; failures become WharfError with the engine's message. */
export function createClient(bridge: Bridge) {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const envelope = await bridge.call(method, input)
      if (!envelope.ok) throw new WharfError(envelope.error)
      return envelope.result as MethodOutput<M>
    },
    subscribe<S extends StreamName>(
      stream: S,
      input: StreamInput<S>,
      onEvent: (event: StreamEvent<S>) => void,
      onEnd: (error?: WharfError) => void = () => undefined,
    ): () => void {
      return bridge.subscribe(
        stream,
        input,
        (data) => onEvent(data as StreamEvent<S>),
        (error) => onEnd(error ? new WharfError(error) : undefined),
      )
    },
    /** Fire-and-forget; nothing comes back, failures are dropped in main. */
    signal<N extends SignalName>(name: N, input: SignalInput<N>): void {
      bridge.signal(name, input)
    },
    onTransportState: bridge.onState.bind(bridge),
  }
}

export type Client = ReturnType<typeof createClient>
