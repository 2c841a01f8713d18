// Property-based, in a real browser: every element of the list fed damaged answers (fast-check mutations of
// the valid samples of every resource it reads, and bodies that are not JSON). The only outcomes allowed
// are the data shown (or the empty state) or the error state of kind `invalid-response` with its retry
// button; never an uncaught exception, never a blank element, never a spinner left running.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { collectPageErrors, deepElements, deepText, defineElement, errorKind, mount, settle, stateOf } from './browser.js';
import { ELEMENTS } from './elements.js';
import { hostileFetch, type Answers } from './hostile-fetch.js';
import { damage, mutationsArb } from './mutations.js';
import { RESOURCES } from './resources.js';

const RUNS = 40;
const figures = { cases: 0, shown: 0, invalid: 0 };

describe('malformed responses in every element (fast-check)', function () {
  this.timeout(120_000);

  after(() => {
    console.log(`hardening/malformed: ${figures.cases} damaged answers rendered by ${ELEMENTS.filter((c) => c.reads.length).length} elements: ${figures.shown} shown as data or empty, ${figures.invalid} as an invalid-response error with retry; 0 exceptions, 0 blank`);
  });

  for (const c of ELEMENTS.filter((e) => e.reads.length > 0)) {
    it(`<${c.tag}>: shows data or an invalid-response error, never throws or goes blank`, async () => {
      expect(await defineElement(c)).to.equal(true);
      const resourceArb = fc.constantFrom(...c.reads).chain((key) => fc.tuple(fc.constant(key), fc.constantFrom(...RESOURCES[key].samples), mutationsArb));
      await fc.assert(
        fc.asyncProperty(resourceArb, async ([key, sample, mutations]) => {
          figures.cases++;
          const damaged = damage(sample, mutations);
          const answers: Answers = { [key]: 'raw' in damaged ? { raw: damaged.raw } : { json: damaged.json } };
          const { value, errors } = await collectPageErrors(async () => {
            const m = await mount(c, { accountId: 'acc_malformed', fetch: hostileFetch(answers).fetch });
            const settled = await settle(m);
            const state = stateOf(m.el);
            const kind = errorKind(m.el);
            const text = deepText(m.el).trim();
            const retry = deepElements(m.el).some((e) => e.matches('[part~="retry-button"]') && e instanceof HTMLButtonElement);
            m.remove();
            return { settled, state, kind, text, retry };
          });
          expect(errors, 'uncaught errors').to.deep.equal([]);
          expect(value.settled, 'settles').to.equal(true);
          expect(value.text.length, 'not blank').to.be.greaterThan(0);
          if (value.state === 'error') {
            expect(value.kind).to.equal('invalid-response');
            expect(value.retry, 'retry button').to.equal(true);
            figures.invalid++;
          } else {
            expect(value.state).to.be.oneOf(['content', 'empty']);
            figures.shown++;
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
