export declare const chromiumArgs: string[];
export declare function findChrome(): string | undefined;
