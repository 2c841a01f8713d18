import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../fixtures/wait.js';
import '../../src/elements/income-summary/define.js';
import '../../src/elements/assets/define.js';
import '../../src/elements/earnings/define.js';
import '../../src/elements/sync-button/define.js';
import type { MonoAssets } from '../../src/elements/assets/mono-assets.js';
import type { MonoEarnings } from '../../src/elements/earnings/mono-earnings.js';
import type { MonoIncomeSummary } from '../../src/elements/income-summary/mono-income-summary.js';

const violations: string[] = [];
const record = (e: SecurityPolicyViolationEvent) => violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`);

describe('charts under a strict Content Security Policy', () => {
  before(() => {
    // No inline styles or scripts: what a bank's page typically sends.
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'; script-src 'self'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', record);
  });
  after(() => document.removeEventListener('securitypolicyviolation', record));

  it('the policy is in force (a style attribute is refused)', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: rgb(1, 2, 3)');
    document.body.append(probe);
    await waitUntil(() => violations.length > 0, 'a violation is reported');
    expect(getComputedStyle(probe).color).to.not.equal('rgb(1, 2, 3)');
    probe.remove();
    violations.length = 0;
  });

  it('bar, doughnut and line charts render with no violation', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <mono-income-summary account-id="acc_demo"></mono-income-summary>
      <mono-assets account-id="acc_demo"></mono-assets>
      <mono-earnings account-id="acc_demo"></mono-earnings>
      <mono-sync-button account-id="acc_demo"></mono-sync-button>
    </div>`);
    const income = root.querySelector<MonoIncomeSummary>('mono-income-summary')!;
    const assets = root.querySelector<MonoAssets>('mono-assets')!;
    const earnings = root.querySelector<MonoEarnings>('mono-earnings')!;
    // Charts are made when they come near the viewport: bring each one there.
    for (const el of [income, assets, earnings]) {
      await waitUntil(() => el.resource.status === 'loaded', `${el.localName} loaded`, { timeout: 8000 });
      await el.updateComplete;
      el.shadowRoot!.querySelector('canvas')!.scrollIntoView();
      await waitUntil(() => el.chart, `${el.localName} chart`, { timeout: 8000 });
    }
    window.scrollTo(0, 0);
    await new Promise((r) => setTimeout(r, 500));
    // chart.js sized the canvases through CSSOM, which the policy allows.
    expect(income.shadowRoot!.querySelector('canvas')!.style.height).to.match(/px$/);
    expect(violations).to.deep.equal([]);
  });
});
