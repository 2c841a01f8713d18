// @mono.co/connect.js ships no types; the part the bench uses.
declare module '@mono.co/connect.js' {
  interface ConnectOptions {
    key: string;
    onSuccess: (data: { code: string }) => void;
    onClose?: () => void;
    onLoad?: () => void;
    onEvent?: (name: string, data: unknown) => void;
    [option: string]: unknown;
  }
  export default class Connect {
    constructor(options: ConnectOptions);
    setup(config?: Record<string, unknown>): void;
    open(): void;
    close(): void;
    reauthorise(account: string): void;
  }
}
