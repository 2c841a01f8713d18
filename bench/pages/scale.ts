// Transactions at scale: one implementation (?impl=kit|kit-fetch|aggrid|lit) with ?n rows of the
// sandbox account txns_N. The host's answer is fetched and parsed first (untimed); the clock starts when
// the parsed rows are handed over. `kit-fetch` lets the element fetch the same answer itself and starts
// the clock when that response has arrived (Resource Timing responseEnd): its figure includes reading
// and validating the JSON.
import { formatDate, formatMoney } from '../../src/core/format.js';
import { countElements, nextPaint, paintedWhen } from './common.js';
import type { RawRow, ScaleAdapter, ScaleWindow } from './scale-types.js';

const params = new URLSearchParams(location.search);
const impl = params.get('impl') ?? 'aggrid';
const n = Number(params.get('n') ?? 1000);
const url = `/api/mono/accounts/txns_${n}/transactions?paginate=false`;

const loaders: Record<string, () => Promise<{ adapter: ScaleAdapter }>> = {
  data: () => import('./scale-lit.js'), // only holds the rows (see hold())
  aggrid: () => import('./scale-aggrid.js'),
  lit: () => import('./scale-lit.js'),
  kit: () => import('./scale-kit.js'),
  'kit-fetch': () => import('./scale-kit.js').then((m) => ({ adapter: m.fetchingAdapter })),
};

let adapter: ScaleAdapter;
let parsed: RawRow[] = [];
let lastNarration = '';
let firstRowRaw = '';
/** Share of narrations containing each letter (kept instead of the rows so the page holds no copy). */
const letterShare = new Map<string, number>();
let filterStart = 0;
let filterPainted: Promise<number> | undefined;
let filterBefore = '';

const ready = (async () => {
  performance.setResourceTimingBufferSize(1000);
  adapter = (await loaders[impl]()).adapter;
  const response = await fetch(url);
  const rows = ((await response.json()) as { data: RawRow[] }).data;
  lastNarration = rows[rows.length - 1]?.narration ?? '';
  // Every raw field of the first row: a grid's quick filter also searches the ISO date ("…T…Z").
  firstRowRaw = rows[0] ? Object.values(rows[0]).join(' ').toLowerCase() : '';
  const lower = rows.map((r) => r.narration.toLowerCase());
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') letterShare.set(letter, lower.filter((t) => t.includes(letter)).length / Math.max(1, lower.length));
  if (impl !== 'kit-fetch') parsed = rows;
  // Every implementation formats with the same helpers: their first Intl formatters (10–20 ms) are made
  // here, untimed, for all of them, as the kit's own idle warm-up would otherwise do for the kit alone.
  formatMoney(0, 'NGN', 'en-NG');
  formatDate('2000-01-01', 'en-NG');
  await nextPaint();
  return { rows: rows.length, bytes: Number(response.headers.get('content-length') ?? 0) };
})();

const host = document.getElementById('host')!;
const bench: ScaleWindow['bench'] = {
  ready,
  get lastNarration() {
    return lastNarration;
  },
  async mount() {
    const handed = parsed;
    parsed = []; // the page keeps no reference of its own: the heap figure is the implementation's
    const start = performance.now();
    const started = await adapter.mount(host, handed, url);
    const painted = await paintedWhen(() => adapter.firstRowText() !== '', 0);
    return painted - (typeof started === 'function' ? started() : start);
  },
  /** The rows alone, kept by the page: the heap every implementation starts from. */
  hold() {
    (window as unknown as { heldRows: RawRow[] }).heldRows = parsed;
    parsed = [];
  },
  domElements: () => countElements(),
  renderedRows: () => adapter.renderedRows(),
  firstRowText: () => adapter.firstRowText(),
  lastRowShown: () => adapter.lastRowShown(lastNarration),
  async scrollEnd() {
    const scroller = adapter.scroller();
    if (!scroller) throw new Error('no scroller');
    const start = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    // Some virtualisers grow their scroll height while rows are measured: keep pushing to the end.
    return paintedWhen(() => {
      if (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) scroller.scrollTop = scroller.scrollHeight;
      return adapter.lastRowShown(lastNarration);
    }, start);
  },
  async scrollTop() {
    const scroller = adapter.scroller();
    if (scroller) scroller.scrollTop = 0;
    await nextPaint();
    await nextPaint();
  },
  focusFilter() {
    const input = adapter.filterInput();
    input?.focus();
    return Boolean(input) && (document.activeElement === input || input?.getRootNode() !== document);
  },
  /**
   * The letter to type: absent from the first rendered row (so the filtered first row must differ)
   * and present in close to 10 % of narrations (so the result is neither empty nor everything).
   */
  pickFilterLetter() {
    const first = `${adapter.firstRowText()} ${firstRowRaw}`.toLowerCase();
    let best = '';
    let bestScore = Infinity;
    for (const [letter, share] of letterShare) {
      if (first.includes(letter) || share < 0.005) continue;
      const score = Math.abs(Math.log(share / 0.1));
      if (score < bestScore) [best, bestScore] = [letter, score];
    }
    return best;
  },
  /**
   * The next keydown anywhere starts the clock (its event timestamp: when the key went down). Every frame
   * is watched from now on, so the clock stops in the frame that paints the new rows: watching only once
   * the key press has been sent (a round trip later) missed that frame when the rows came at once.
   */
  armFilter() {
    filterBefore = adapter.firstRowText();
    filterStart = 0;
    document.addEventListener('keydown', (e) => (filterStart = e.timeStamp), { capture: true, once: true });
    filterPainted = paintedWhen(() => {
      const text = adapter.firstRowText();
      return filterStart > 0 && text !== '' && text !== filterBefore;
    }, 0, 30_000);
  },
  async filterDone() {
    return (await filterPainted!) - filterStart;
  },
};
(window as unknown as ScaleWindow).bench = bench;
