// Hostile strings: every payload of the corpus in every free-text field of every resource each element
// reads, rendered in a real browser. Passing means: the canary never fires (no script ran, no navigation
// started), the element's tree gains no element type it does not have with benign text, no event-handler,
// style or unsafe URL attribute appears, the payload reaches no attribute except plain-text ones, nothing
// is requested from the payloads' hosts, and a CSV export neutralises formulas. Prints the figures.
import { expect } from '@open-wc/testing';
import { deepElements, deepText, defineElement, installCanary, stateOf } from './browser.js';
import { ELEMENTS } from './elements.js';
import { FORMULA_START, PAYLOADS, type Payload } from './payloads.js';
import { fieldCount, renderWithText as render, unmount } from './render-text.js';

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'background', 'ping', 'cite', 'codebase', 'srcset', 'manifest']);
/** Attributes whose value is only ever text to a browser. */
const TEXT_ATTRIBUTE = /^(aria-[a-z]+|title|alt|value|placeholder|download|data-[a-z0-9-]+|style)$/;
const SAFE_SCHEMES = new Set(['http:', 'https:', 'blob:', 'mailto:', 'tel:']);

/** The payload's recognisable core (long ones by their start). */
const needle = (p: Payload) => p.text.trim().slice(0, 40);

function inspect(el: Element, p: Payload, baselineTags: Set<string>): string[] {
  const problems: string[] = [];
  const core = needle(p);
  for (const node of deepElements(el)) {
    if (!baselineTags.has(node.localName)) problems.push(`new <${node.localName}>`);
    for (const attr of node.attributes) {
      const name = attr.name.toLowerCase();
      const where = `<${node.localName} ${name}="${attr.value.slice(0, 60)}">`;
      if (name.startsWith('on')) problems.push(`event handler ${where}`);
      // Chart.js sizes its canvas through CSSOM (allowed under a strict CSP); only text from the data there is a problem.
      else if (name === 'style' && ((core.length >= 6 && attr.value.includes(core)) || /url\(|expression\(|@import/i.test(attr.value))) problems.push(`style from data ${where}`);
      else if (URL_ATTRIBUTES.has(name)) {
        let scheme = '';
        try {
          scheme = new URL(attr.value, location.href).protocol;
        } catch {
          scheme = 'unparseable';
        }
        if (!SAFE_SCHEMES.has(scheme) || (core.length >= 6 && attr.value.includes(core))) problems.push(`unsafe URL ${where}`);
      } else if (!TEXT_ATTRIBUTE.test(name) && core.length >= 6 && attr.value.includes(core)) problems.push(`payload in ${where}`);
    }
  }
  return problems;
}

/** RFC 4180 reader, enough to check what a spreadsheet would see in each cell. */
export function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A signed amount is data, not a formula: spreadsheets read it as a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function csvProblems(el: HTMLElement): string[] | null {
  const toCSV = (el as unknown as { toCSV?: () => string }).toCSV;
  if (typeof toCSV !== 'function') return null;
  const rows = readCsv(toCSV.call(el));
  const problems: string[] = [];
  const width = rows[0]?.length ?? 0;
  rows.forEach((cells, r) => {
    if (cells.length !== width) problems.push(`CSV row ${r} has ${cells.length} cells, header has ${width}`);
    for (const cell of cells) if (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) problems.push(`CSV formula cell ${JSON.stringify(cell.slice(0, 30))}`);
  });
  return problems;
}

const BATCH = 10;
/**
 * Chromium renders the whole corpus. Firefox and WebKit render every third payload of each kind (at least one):
 * the elements only ever set text and attributes through Lit, so what an engine adds is its own parsing and URL
 * handling, which a third of each kind covers, at a third of the time (about 25 s less per engine in CI).
 */
const CORPUS = navigator.userAgent.includes('Chrome/') ? PAYLOADS : PAYLOADS.filter((p) => PAYLOADS.filter((q) => q.kind === p.kind).indexOf(p) % 3 === 0);
const figures = { elements: 0, tried: 0, passed: 0, shownAsText: 0, csvChecked: 0 };
const canary = installCanary();

describe('hostile text in every field of every element', function () {
  this.timeout(180_000);

  after(() => {
    console.log(
      `hardening/xss: ${CORPUS.length} payloads × fields × ${figures.elements} elements = ${figures.tried} field renderings tried, ${figures.passed} passed; ` +
        `payload visible as text in ${figures.shownAsText} renderings; ${figures.csvChecked} CSV exports checked; canary hits ${canary.hits()}`,
    );
  });

  it(`the corpus has at least 100 payloads (${PAYLOADS.length}), ${CORPUS.length} rendered here, of every kind`, () => {
    expect(PAYLOADS.length).to.be.at.least(100);
    expect(new Set(PAYLOADS.map((p) => p.text)).size).to.equal(PAYLOADS.length);
    expect(new Set(CORPUS.map((p) => p.kind))).to.deep.equal(new Set(PAYLOADS.map((p) => p.kind)));
  });

  for (const c of ELEMENTS) {
    const fields = fieldCount(c);
    it(`<${c.tag}>: ${CORPUS.length} payloads × ${fields} fields stay inert text`, async () => {
      expect(await defineElement(c), `${c.tag} is registered by its define module`).to.equal(true);
      figures.elements++;
      const baseline = await render(c, 'Plain bank text 012345');
      const baselineTags = new Set(deepElements(baseline.el).map((e) => e.localName));
      expect(stateOf(baseline.el), 'benign text renders').to.not.equal('error');
      unmount(c, baseline);

      const failures: string[] = [];
      let shown = 0;
      const started = performance.now();
      // Payloads render in parallel batches (each element in its own provider and client): same checks, less waiting.
      for (let i = 0; i < CORPUS.length; i += BATCH) {
        const batch = CORPUS.slice(i, i + BATCH);
        const before = canary.hits();
        const mounted = await Promise.all(batch.map((p) => render(c, p.text)));
        const fired = canary.hits() !== before;
        batch.forEach((p, j) => {
          const m = mounted[j];
          const problems = inspect(m.el, p, baselineTags);
          if (fired) problems.push('canary fired in this batch');
          if (!m.settled) problems.push(`did not settle (state ${stateOf(m.el)})`);
          if (deepText(m.el).includes(needle(p))) {
            figures.shownAsText++;
            shown++;
          }
          const csv = csvProblems(m.el);
          if (csv) {
            figures.csvChecked++;
            problems.push(...csv);
          }
          unmount(c, m);
          figures.tried += fields;
          if (problems.length) failures.push(`#${p.id} ${p.kind} ${JSON.stringify(p.text.slice(0, 50))}: ${problems.slice(0, 3).join('; ')}`);
          else figures.passed += fields;
        });
      }
      const requested = performance.getEntriesByType('resource').filter((e) => /evil\.example|\/etc\/passwd/.test(e.name));
      expect(requested.map((e) => e.name), 'requests to payload hosts').to.deep.equal([]);
      expect(failures, failures.slice(0, 5).join('\n')).to.deep.equal([]);
      console.log(`hardening/xss: <${c.tag}> ${CORPUS.length} payloads × ${fields} fields passed; payload on screen as text in ${shown} (${Math.round(performance.now() - started)} ms)`);
      // Data elements must really show the hostile text, or the test proved nothing about rendering it.
      if (c.states) expect(shown, 'payloads shown as text').to.be.greaterThan(CORPUS.length / 2);
    });
  }

  it('no payload ran script or navigated anywhere (canary)', () => {
    expect(canary.hits()).to.equal(0);
  });
});
