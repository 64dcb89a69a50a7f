export declare const TLS_PORT: number
export declare const SSH_PORT: number
export declare function startTlsEngine(
  log?: (message: string) => void,
): Promise<{ WHARF_TEST_TLS_PORT: string; WHARF_TEST_TLS_DIR: string }>
export declare function tlsEngineSocket(): string
export declare function tlsEnginePid(): number | false
export declare function stopTlsEngine(log?: (message: string) => void): Promise<void>
export declare function startSshd(
  log?: (message: string) => void,
  hostKey?: 'host_a' | 'host_b',
): Promise<{ WHARF_TEST_SSH_PORT: string; WHARF_TEST_SSH_DIR: string }>
export declare function stopSshd(log?: (message: string) => void): Promise<void>
export declare function sshHostKey(hostKey?: 'host_a' | 'host_b'): string
export declare function sshFingerprint(hostKey?: 'host_a' | 'host_b'): string
export declare function removeRemoteEngineFiles(): void
