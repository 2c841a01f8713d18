// A bank value of 100,000 characters with no space in every free-text field: each element settles, and no
// text it shows (or puts in a tooltip or data attribute) is longer than the clip. Whole, one such value held
// the page for 8 to 15 s in a single layout (`overflow-wrap: anywhere` makes every character a break to weigh).
import { expect } from '@open-wc/testing';
import { BANK_TEXT_MAX } from '../../src/core/format.js';
import { deepText, defineElement, stateOf, walk } from './browser.js';
import { ELEMENTS } from './elements.js';
import { fieldCount, renderWithText, unmount } from './render-text.js';

const LONG = 'W'.repeat(100_000);

/** The longest run of the value anywhere in the element's tree: text nodes and attribute values. */
function longestRun(root: Node): number {
  let longest = 0;
  const measure = (text: string) => {
    for (const run of text.match(/W+/g) ?? []) longest = Math.max(longest, run.length);
  };
  for (const node of walk(root)) {
    if (node.nodeType === Node.TEXT_NODE && !(node.parentElement instanceof HTMLStyleElement)) measure(node.textContent ?? '');
    if (node instanceof Element) for (const attr of node.attributes) measure(attr.value);
  }
  return longest;
}

describe('a 100,000-character bank value', function () {
  this.timeout(120_000);

  // The elements whose bank text wraps or is measured: identity's values, the earnings' narrations and assets,
  // the transaction table's narrations and categories (also the statement's).
  for (const c of ELEMENTS.filter((e) => ['mono-identity', 'mono-earnings', 'mono-transactions', 'mono-statement'].includes(e.tag))) {
    it(`<${c.tag}>: shown clipped to ${BANK_TEXT_MAX} characters in each of its ${fieldCount(c)} text fields, and the element settles`, async () => {
      expect(await defineElement(c)).to.equal(true);
      const m = await renderWithText(c, LONG, 60_000);
      try {
        expect(m.settled, `settled (state ${stateOf(m.el)})`).to.equal(true);
        expect(stateOf(m.el)).to.not.equal('error');
        expect(deepText(m.el), 'the value is shown').to.contain('W'.repeat(50));
        expect(longestRun(m.el)).to.be.within(50, BANK_TEXT_MAX);
      } finally {
        unmount(c, m);
      }
    });
  }
});
