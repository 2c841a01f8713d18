/** A Mono v2 transaction row as the host returns it (what AG Grid and the plain table are given). */
export interface RawRow {
  id: string;
  narration: string;
  amount: number;
  type: string;
  balance: number | null;
  date: string;
  category?: string | null;
}

/** One table implementation under test; every figure is taken through these hooks. */
export interface ScaleAdapter {
  /**
   * Starts rendering the host's rows (Mono's v2 rows, parsed from the answer, untouched). An
   * implementation that fetches for itself gets none and returns a function giving the time its own
   * response arrived (the clock's start).
   */
  mount(host: HTMLElement, rows: RawRow[], url: string): void | (() => number) | Promise<void | (() => number)>;
  /** Text of the first rendered data row in display order, '' when none is rendered. */
  firstRowText(): string;
  /** Data rows currently in the DOM. */
  renderedRows(): number;
  /** The element that scrolls the rows. */
  scroller(): HTMLElement | null;
  /** True when the last row of the (unfiltered) data is rendered and inside the scroller's box. */
  lastRowShown(lastNarration: string): boolean;
  /** The narration filter input a user types into (focused by the driver before the keystroke). */
  filterInput(): HTMLInputElement | null;
}

export interface ScaleWindow {
  bench: {
    ready: Promise<{ rows: number; bytes: number }>;
    mount(): Promise<number>;
    hold(): void;
    domElements(): number;
    renderedRows(): number;
    firstRowText(): string;
    lastRowShown(): boolean;
    scrollEnd(): Promise<number>;
    scrollTop(): Promise<void>;
    focusFilter(): boolean;
    pickFilterLetter(): string;
    armFilter(): void;
    filterDone(): Promise<number>;
    lastNarration: string;
  };
}
