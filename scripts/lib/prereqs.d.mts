export declare const requirements: Array<[string, string]>
export declare function missingPackages(): string[]
export declare function ensurePrerequisites(log?: (message: string) => void): void
