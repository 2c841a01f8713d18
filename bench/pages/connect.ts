// <mono-connect-button> in its default modal mode on the sandbox: from the click to the widget iframe
// being visible (the element keeps it hidden until the widget page has loaded).
import '../../src/elements/connect-button/define.js';
import { deepQuery, isShown, settled, nextPaint, paintedWhen } from './common.js';
import type { ConnectTimings, ConnectWindow } from './connect-types.js';

const button = document.getElementById('connect')!;
if (new URLSearchParams(location.search).has('no-preinitiate')) button.setAttribute('no-preinitiate', '');

let clickAt = 0;
let insertedAt = 0;
customElements.whenDefined('mono-connect-button').then(() => {
  // When the element puts the iframe in (a microtask-precise stamp, not a frame-rounded one).
  new MutationObserver(() => {
    if (!insertedAt && clickAt && button.shadowRoot?.querySelector('iframe')) insertedAt = performance.now();
  }).observe(button.shadowRoot!, { childList: true, subtree: true });
});
let pending: Promise<ConnectTimings> | null = null;

const initiateEnd = (): number | null => {
  const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/accounts/initiate')) as PerformanceResourceTiming[];
  return entries.length ? entries[entries.length - 1].responseEnd : null;
};

const bench: ConnectWindow['bench'] = {
  ready: customElements.whenDefined('mono-connect-button').then(nextPaint),
  settled,
  armClick() {
    clickAt = 0;
    pending = new Promise<ConnectTimings>((resolve, reject) => {
      window.addEventListener(
        'click',
        (e) => {
          clickAt = e.timeStamp;
          insertedAt = 0;
          const feedback = paintedWhen(() => isShown(deepQuery('dialog[part~="dialog"]')), 0);
          const frame = paintedWhen(() => isShown(deepQuery('iframe[part~="frame"]')), 0, 15_000);
          Promise.all([feedback, frame]).then(([fed, shown]) => {
            const answered = initiateEnd();
            const from = answered === null ? clickAt : Math.max(answered, clickAt);
            resolve({
              toFrame: shown - clickAt,
              toFeedback: fed - clickAt,
              toFrameInserted: insertedAt ? insertedAt - clickAt : null,
              answerToInserted: insertedAt ? insertedAt - from : null,
              widgetLoad: insertedAt ? shown - insertedAt : null,
              afterInitiate: answered === null ? null : shown - from,
              initiatedBeforeClick: answered === null ? null : answered < clickAt,
            });
          }, reject);
        },
        { capture: true, once: true },
      );
    });
  },
  result: () => pending ?? Promise.reject(new Error('not armed')),
};
(window as unknown as ConnectWindow).bench = bench;
