// Mono's own @mono.co/connect.js 2.2.0, set up at load as its README shows, opened on a click. Its
// iframe (https://connect.mono.co) cannot load offline; what is measured is when the library makes it
// visible, which it does on a timer whatever the frame does.
import Connect from '@mono.co/connect.js';
import { isShown, settled, nextPaint, paintedWhen } from './common.js';
import type { ConnectTimings, ConnectWindow } from './connect-types.js';

const connect = new Connect({ key: 'test_pk_bench0000000000000000', onSuccess: () => {} });
connect.setup();

let openAt = 0;
let pending: Promise<ConnectTimings> | null = null;

function open(): Promise<ConnectTimings> {
  openAt = performance.now();
  connect.open();
  const feedback = paintedWhen(() => isShown(document.getElementById('mono-connect--widget-div')), 0);
  const frame = paintedWhen(() => isShown(document.getElementById('mono-connect--frame-id')), 0, 15_000);
  return Promise.all([feedback, frame]).then(([fed, shown]) => ({
    toFrame: shown - openAt,
    toFeedback: fed - openAt,
    toFrameInserted: null,
    answerToInserted: null,
    widgetLoad: null,
    afterInitiate: null,
    initiatedBeforeClick: null,
  }));
}

document.getElementById('connect')!.addEventListener('click', () => {
  pending = open();
});

const bench: ConnectWindow['bench'] = {
  ready: nextPaint(),
  settled,
  armClick() {
    pending = null;
  },
  async result() {
    while (!pending) await new Promise((r) => setTimeout(r, 5));
    return pending;
  },
  open,
};
(window as unknown as ConnectWindow).bench = bench;
