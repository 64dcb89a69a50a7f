import type { AfterPackContext } from 'electron-builder'

export declare function afterPack(context: AfterPackContext): Promise<void>
export default afterPack
