export declare const TEST_IMAGE: string
export declare function engineDir(): string
export declare function dockerdRunning(): Promise<boolean>
export declare function startDockerd(log?: (message: string) => void): Promise<{ socket: string; dockerHost: string }>
export declare function ensureTestImage(socket: string, log?: (message: string) => void): Promise<void>
export declare function stopDockerd(log?: (message: string) => void): Promise<void>
