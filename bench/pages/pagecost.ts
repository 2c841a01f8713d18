// Page cost: a page whose only kit code is <mono-connect-button> (its own define entry, as an app
// importing `mono-elements/define/connect-button` ships it).
import '../../src/elements/connect-button/define.js';
import { nextPaint } from './common.js';

export interface PageCostWindow {
  benchReady: Promise<void>;
}

(window as unknown as PageCostWindow).benchReady = customElements
  .whenDefined('mono-connect-button')
  .then(() => (document.querySelector('mono-connect-button') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete)
  .then(nextPaint);
