export declare const ROOT: string;
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
export declare function compressedSizes(content: string | Uint8Array): Sizes;
export declare function bundle(source: string, options?: { root?: string }): Promise<{ eager: unknown[]; lazy: unknown[]; all: unknown[] }>;
export declare function elementFolders(): string[];
export declare function composition(chunks: unknown[]): Record<string, number>;
export declare function measureWeights(options?: { perElement?: boolean; context?: boolean }): Promise<
  Array<Partial<Sizes> & { id: string; label: string; files?: string[]; missing?: string; note?: string; composition?: Record<string, number> }>
>;
