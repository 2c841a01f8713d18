// Hostile or broken configuration from the host page: locales that are not language tags (a page's
// lang="en_US", a browser reporting the POSIX locale "C"), and account ids carrying paths or markup. Every
// element still renders (data, or an error with words), runs no script and throws nothing.
import { expect } from '@open-wc/testing';
import { collectPageErrors, deepText, defineElement, installCanary, mountAndRun, stateOf } from './browser.js';
import { ELEMENTS } from './elements.js';

const BAD_LOCALES = ['en_US', 'C', 'english', '123', '-', 'x'.repeat(300), '<script>__xss(1)</script>', 'en-NG-x-'];
const BAD_IDS = ['../../etc/passwd', '..%2F..%2Fadmin', '<img src=x onerror=__xss(2)>', 'acc demo', 'a'.repeat(500), '\u202Eacc', 'acc_demo?admin=1#x'];
const canary = installCanary();
const figures = { mounts: 0 };

describe('hostile configuration from the host page', function () {
  this.timeout(120_000);
  after(() => console.log(`hardening/config: ${figures.mounts} mounts with ${BAD_LOCALES.length} broken locales (attribute and lang) and ${BAD_IDS.length} hostile account ids; canary hits ${canary.hits()}`));

  for (const c of ELEMENTS.filter((e) => e.states)) {
    it(`<${c.tag}>: broken locales fall back to a working one`, async () => {
      await defineElement(c);
      // All variants at once (each in its own provider and client): the same checks, less waiting.
      const variants = BAD_LOCALES.flatMap((locale) => (['attribute', 'lang'] as const).map((where) => ({ locale, where })));
      const { value: results, errors } = await collectPageErrors(() =>
        Promise.all(
          variants.map(async ({ locale, where }) => {
            const container = document.createElement('div');
            if (where === 'lang') container.setAttribute('lang', locale);
            document.body.append(container);
            const m = await mountAndRun(c, { accountId: 'acc_demo', container, attributes: where === 'attribute' ? { locale } : {} }, 10_000);
            // What the element formats with is public (hosts format alongside it): it must be a real tag.
            let tagValid = true;
            try {
              Intl.getCanonicalLocales((m.el as HTMLElement & { resolvedLocale: string }).resolvedLocale);
            } catch {
              tagValid = false;
            }
            const result = { locale, where, settled: m.settled, state: stateOf(m.el), text: deepText(m.el).trim(), tagValid };
            m.remove();
            container.remove();
            return result;
          }),
        ),
      );
      figures.mounts += variants.length;
      expect(errors).to.deep.equal([]);
      for (const r of results) {
        const what = `${r.where} ${JSON.stringify(r.locale.slice(0, 20))}`;
        expect(r.tagValid, `resolvedLocale from ${what} is a language tag`).to.equal(true);
        expect(r.settled && r.state !== 'error' && r.text.length > 0, `${what}: ${r.state}`).to.equal(true);
      }
    });

    it(`<${c.tag}>: hostile account ids are refused with words, never run or request anything else`, async () => {
      await defineElement(c);
      const { value: results, errors } = await collectPageErrors(() =>
        Promise.all(
          BAD_IDS.map(async (id) => {
            const m = await mountAndRun(c, { accountId: id }, 10_000);
            const result = { id, settled: m.settled, state: stateOf(m.el), text: deepText(m.el).trim() };
            m.remove();
            return result;
          }),
        ),
      );
      figures.mounts += BAD_IDS.length;
      expect(errors).to.deep.equal([]);
      for (const r of results) expect(r.settled && r.text.length > 0, `${r.id}: ${r.state}`).to.equal(true);
      expect(canary.hits()).to.equal(0);
      const strays = performance.getEntriesByType('resource').filter((e) => /\/etc\/passwd|\/admin\b/.test(new URL(e.name).pathname));
      expect(strays.map((e) => e.name), 'requests outside the contract').to.deep.equal([]);
    });
  }
});
