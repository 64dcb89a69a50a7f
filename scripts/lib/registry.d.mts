export declare const REGISTRY: { open: string; auth: string; user: string; password: string }
export declare function registriesRunning(): Promise<boolean>
export declare function startRegistries(log?: (message: string) => void): Promise<typeof REGISTRY>
export declare function registryEnv(): Record<string, string>
export declare function stopRegistries(): void
