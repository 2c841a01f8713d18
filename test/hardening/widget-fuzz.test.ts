// Widget messages, fuzzed (fast-check) during an open connect flow in modal mode with the sandbox widget:
// random Mono message types, payload shapes (objects, JSON strings, junk), references, codes, senders (the
// widget's own frame, the page itself, a same-origin sibling frame, a cross-origin frame, a forged
// MessageEvent) and `widget-origins` settings, plus replays. Only the genuine sequence (the widget's own
// window, an allowed origin, this session's reference or none, a success with a code) leads to an
// exchange, and to exactly one however often it repeats. Prints the messages and sessions run.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { deepQuery, elementByTag } from './elements.js';
import { mount, type Mounted } from './browser.js';
import { hostileFetch } from './hostile-fetch.js';

type Sender = 'widget' | 'page' | 'sibling' | 'foreign' | 'forged';
type RefKind = 'genuine' | 'other' | 'absent' | 'number';
type CodeKind = 'genuine' | 'other' | 'bad' | 'absent';

interface FuzzMessage {
  sender: Sender;
  type: string;
  reference: RefKind;
  code: CodeKind;
  shape: 'object' | 'json' | 'junk';
  junk: unknown;
  extra: Record<string, unknown>;
}

const SUCCESS = ['mono.connect.widget.account_linked', 'mono.connect.widget.charge_complete'];
const CLOSED = ['mono.connect.widget.closed', 'mono.modal.closed'];
const REDIRECT = 'mono-elements.redirect';
const INFO = [
  'mono.connect.widget_opened',
  'mono.connect.widget_loaded',
  'mono.connect.error_occured',
  'mono.connect.error_occurred',
  'mono.connect.institution_selected',
  'mono.connect.auth_method_switched',
  'mono.connect.on_exit',
  'mono.connect.login_attempt',
  'mono.connect.mfa_submitted',
  'mono.connect.account_linked',
  'mono.connect.account_selected',
];
const OTHER = ['mono.connect.widget.account_linked ', 'MONO.CONNECT.WIDGET.ACCOUNT_LINKED', 'account_linked', 'success', 'webpackHotUpdate', '__proto__', ''];

const foreignOrigin = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const ORIGIN_SETTINGS = ['self', 'https://connect.mono.co', 'https://connect.mono.co https://link.mono.co self', foreignOrigin];
const pageAllowed = (setting: string) => setting.split(' ').includes('self');

const messageArb: fc.Arbitrary<FuzzMessage> = fc.record({
  sender: fc.constantFrom<Sender>('widget', 'page', 'sibling', 'foreign', 'forged'),
  type: fc.oneof(fc.constantFrom(...SUCCESS, ...CLOSED, REDIRECT), fc.constantFrom(...INFO), fc.constantFrom(...OTHER), fc.string()),
  reference: fc.constantFrom<RefKind>('genuine', 'other', 'absent', 'number'),
  code: fc.constantFrom<CodeKind>('genuine', 'other', 'bad', 'absent'),
  shape: fc.constantFrom<'object' | 'json' | 'junk'>('object', 'object', 'json', 'junk'),
  junk: fc.jsonValue({ maxDepth: 3 }),
  extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
});

/** Would the kit rightly act on this message (end the session or exchange)? Noise must never be such a message. */
function acts(m: FuzzMessage, setting: string): boolean {
  if (m.sender !== 'widget' || m.shape === 'junk') return false;
  if (m.type === REDIRECT) return m.reference === 'genuine';
  if (!pageAllowed(setting) || m.reference === 'other') return false;
  return SUCCESS.includes(m.type) || CLOSED.includes(m.type);
}

interface Session {
  reference: string;
  code: string;
}

function dataOf(m: FuzzMessage, s: Session): unknown {
  if (m.shape === 'junk') return m.junk;
  const reference = m.reference === 'genuine' ? s.reference : m.reference === 'other' ? 'kit-00000000000000000000000000000000' : m.reference === 'number' ? 42 : undefined;
  const code = m.code === 'genuine' ? s.code : m.code === 'other' ? `code_acc_other_${Math.random().toString(36).slice(2)}` : m.code === 'bad' ? 'not a code <b>' : undefined;
  const message =
    m.type === REDIRECT
      ? { type: m.type, code, status: code ? 'successful' : 'failed', reference }
      : { type: m.type, data: { ...m.extra, reference, code, timestamp: Date.now() } };
  return m.shape === 'json' ? JSON.stringify(message) : message;
}

/** A frame running puppet.js, ready for commands. */
function puppetFrame(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'puppet';
  frame.src = src;
  return new Promise((resolve, reject) => {
    const onReady = (e: MessageEvent) => {
      if (e.source === frame.contentWindow && e.data?.puppetReady) {
        window.removeEventListener('message', onReady);
        resolve(frame);
      }
    };
    window.addEventListener('message', onReady);
    setTimeout(() => reject(new Error(`puppet frame ${src} did not start`)), 8000);
    document.body.append(frame);
  });
}

let ackId = 0;
/** Posts `data` from `target`'s puppet and waits until the page received it (the ack follows it from the same window). */
function postFrom(target: Window, data: unknown, times = 1): Promise<void> {
  const id = ++ackId;
  return new Promise((resolve) => {
    const onAck = (e: MessageEvent) => {
      if (e.data?.puppetAck === id) {
        window.removeEventListener('message', onAck);
        resolve();
      }
    };
    window.addEventListener('message', onAck);
    target.postMessage({ puppet: 'post', id, data, times }, '*');
  });
}

function postFromPage(data: unknown): Promise<void> {
  const id = ++ackId;
  return new Promise((resolve) => {
    const onAck = (e: MessageEvent) => {
      if (e.data?.puppetAck === id) {
        window.removeEventListener('message', onAck);
        resolve();
      }
    };
    window.addEventListener('message', onAck);
    window.postMessage(data, '*');
    window.postMessage({ puppetAck: id }, '*');
  });
}

const figures = { sessions: 0, messages: 0, noise: 0, genuine: 0, exchanges: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('widget messages, fuzzed during an open connect flow', function () {
  this.timeout(180_000);
  let sibling: HTMLIFrameElement;
  let foreign: HTMLIFrameElement;
  const connect = elementByTag('mono-connect-button')!;

  before(async () => {
    await connect.define();
    [sibling, foreign] = await Promise.all([puppetFrame('/test/hardening/fixtures/puppet.html'), puppetFrame(`${foreignOrigin}/test/hardening/fixtures/puppet.html`)]);
  });
  after(() => {
    sibling?.remove();
    foreign?.remove();
    console.log(
      `hardening/widget-fuzz: ${figures.messages} messages in ${figures.sessions} open sessions (${figures.noise} noise from 5 kinds of sender, ${figures.genuine} genuine incl. replays); ` +
        `${figures.exchanges} exchanges, exactly one per session whose settings allow the widget`,
    );
  });

  async function send(m: FuzzMessage, s: Session, frame: HTMLIFrameElement): Promise<void> {
    figures.messages++;
    const data = dataOf(m, s);
    switch (m.sender) {
      case 'widget':
        return postFrom(frame.contentWindow!, data);
      case 'sibling':
        return postFrom(sibling.contentWindow!, data);
      case 'foreign':
        return postFrom(foreign.contentWindow!, data);
      case 'page':
        return postFromPage(data);
      case 'forged':
        // Everything a gate could check by value is right here; only isTrusted gives it away.
        window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: frame.contentWindow }));
    }
  }

  /** Opens the connect dialog with the sandbox widget and makes the widget frame a puppet. */
  async function open(setting: string, n: number): Promise<{ m: Mounted; frame: HTMLIFrameElement; s: Session; exchanges: () => number }> {
    const fake = hostileFetch({ exchange: { json: { id: 'acc_fuzz' } } });
    const m = await mount(connect, { fetch: fake.fetch, attributes: { 'widget-origins': setting, 'no-preinitiate': '' } });
    deepQuery<HTMLButtonElement>(m.el, '[part~="button"]')!.click();
    const started = performance.now();
    while (!m.events.some((e) => e.type === 'mono-widget-event' && e.detail.type === 'LOADED')) {
      if (performance.now() - started > 8000) throw new Error(`the widget did not load: ${m.events.map((e) => e.type).join()}`);
      await sleep(10);
    }
    const frame = deepQuery<HTMLIFrameElement>(m.el, 'iframe[part~="frame"]')!;
    const doc = frame.contentDocument!;
    const script = doc.createElement('script');
    script.src = '/test/hardening/fixtures/puppet.js';
    doc.head.append(script);
    while (!(frame.contentWindow as Window & { puppetReady?: boolean }).puppetReady) {
      if (performance.now() - started > 8000) throw new Error('the puppet did not start in the widget frame');
      await sleep(5);
    }
    const reference = m.events.find((e) => e.type === 'mono-open')!.detail.reference as string;
    const s = { reference, code: `code_acc_fuzz_${n}_${Math.random().toString(36).slice(2, 10)}` };
    return { m, frame, s, exchanges: () => fake.served.exchange ?? 0 };
  }

  const count = (m: Mounted, type: string) => m.events.filter((e) => e.type === type).length;

  it('noise never exchanges or closes; the genuine success exchanges exactly once, however often it repeats', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ORIGIN_SETTINGS),
        fc.array(messageArb, { minLength: 1, maxLength: 8 }),
        fc.record({ type: fc.constantFrom(...SUCCESS), reference: fc.constantFrom<RefKind>('genuine', 'absent'), shape: fc.constantFrom<'object' | 'json'>('object', 'json') }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(messageArb, { maxLength: 3 }),
        async (setting, rawNoise, success, replays, after) => {
          const { m, frame, s, exchanges } = await open(setting, run++);
          figures.sessions++;
          try {
            // Anything the kit would rightly act on is sent from the page instead: still noise, now from the wrong window.
            const noise = rawNoise.map((n) => (acts(n, setting) ? { ...n, sender: 'page' as const } : n));
            for (const n of noise) await send(n, s, frame);
            figures.noise += noise.length;
            await sleep(0);
            expect(exchanges(), 'exchanges after noise').to.equal(0);
            expect(count(m, 'mono-success'), 'mono-success after noise').to.equal(0);
            expect(count(m, 'mono-close'), 'mono-close after noise').to.equal(0);

            const genuine: FuzzMessage = { sender: 'widget', type: success.type, reference: success.reference, code: 'genuine', shape: success.shape, junk: null, extra: {} };
            // The success and its replays leave the widget back to back, before the kit can remove the frame.
            await postFrom(frame.contentWindow!, dataOf(genuine, s), replays + 1);
            figures.genuine += replays + 1;
            figures.messages += replays + 1;
            if (pageAllowed(setting)) {
              const started = performance.now();
              while (!count(m, 'mono-close') && performance.now() - started < 5000) await sleep(10);
              // After the exchange the widget frame is gone; what is left can still talk.
              for (const n of after.filter((a) => a.sender !== 'widget')) await send(n, s, frame);
              await sleep(20);
              expect(exchanges(), 'one exchange').to.equal(1);
              expect(count(m, 'mono-success'), 'one mono-success').to.equal(1);
              expect(m.events.find((e) => e.type === 'mono-success')!.detail).to.deep.equal({ accountId: 'acc_fuzz', reference: s.reference });
              expect(m.events.filter((e) => e.type === 'mono-close').map((e) => e.detail.reason)).to.deep.equal(['success']);
              figures.exchanges++;
            } else {
              await sleep(20);
              expect(exchanges(), `no exchange when widget-origins is "${setting}"`).to.equal(0);
              expect(count(m, 'mono-close')).to.equal(0);
              (m.el as HTMLElement & { close(): void }).close();
              expect(m.events.filter((e) => e.type === 'mono-close').map((e) => e.detail.reason)).to.deep.equal(['user']);
            }
          } finally {
            (m.el as HTMLElement & { close(): void }).close();
            m.remove();
          }
        },
      ),
      { numRuns: 30, includeErrorInReport: true },
    );
  });
});
