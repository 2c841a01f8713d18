// The same page with Mono's connect.js set up at load, as its README shows.
import Connect from '@mono.co/connect.js';
import { nextPaint } from './common.js';
import type { PageCostWindow } from './pagecost.js';

const connect = new Connect({ key: 'test_pk_bench0000000000000000', onSuccess: () => {} });
connect.setup();
document.getElementById('connect')!.addEventListener('click', () => connect.open());
(window as unknown as PageCostWindow).benchReady = nextPaint();
