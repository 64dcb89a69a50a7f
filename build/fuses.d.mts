import type * as Fuses from '@electron/fuses'

export declare const FUSES: Readonly<Record<string, boolean>>
export declare function fuseConfig(fuses: typeof Fuses, options: { resetAdHocDarwinSignature: boolean }): Fuses.FuseV1Config
