export interface ConnectTimings {
  /** Click (or open()) to the widget iframe visible and painted. */
  toFrame: number;
  /** Click to the first feedback painted (the kit's dialog with its spinner; connect.js's overlay). */
  toFeedback: number;
  /** The initiate answer (or the click, if the answer came first) to the iframe visible. */
  afterInitiate: number | null;
  /** Click to the iframe element being in the DOM (hidden until the widget page has loaded). */
  toFrameInserted: number | null;
  /** The initiate answer (or the click, if later) to the iframe in the DOM: the kit's own work. */
  answerToInserted: number | null;
  /** The iframe in the DOM to it being shown: the widget page loading in the frame. */
  widgetLoad: number | null;
  /** Whether the initiate answer arrived before the click (pre-initiated). */
  initiatedBeforeClick: boolean | null;
}

export interface ConnectWindow {
  bench: {
    ready: Promise<void>;
    /** Resolves when a person's first click could come: loaded, idle, and half a second more. */
    settled(): Promise<void>;
    /** Resolves once the next click has led to a visible widget frame. */
    armClick(): void;
    result(): Promise<ConnectTimings>;
    /** connect.js only: open() directly. */
    open?(): Promise<ConnectTimings>;
  };
}
