export declare const PNG_SIZES: number[]
export declare function renderIcons(svg: string | Buffer): Map<string, Buffer>
