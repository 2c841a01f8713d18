import { expect, fixture, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/define.js';
import type { MonoProvider } from '../../src/elements/provider/mono-provider.js';
import { recordingClient, until } from '../elements/account/helpers.js';

const height = (el: Element) => el.getBoundingClientRect().height;
const loadingBox = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="loading"]');

/** Mounts `tag` for acc_demo in a column `width` px wide, answered after 700 ms; its height while loading and once loaded. */
async function heights(tag: string, width: number, style = '', compact = false) {
  const { client } = recordingClient(() => ({ 'x-sandbox-latency': '700' }));
  const provider = await fixture<MonoProvider>(
    staticHtml`<mono-provider .client=${client} account-id="acc_demo" locale="en-NG" style="display: block; inline-size: ${width}px"><${unsafeStatic(tag)} style=${style} ?compact=${compact}></${unsafeStatic(tag)}></mono-provider>`,
  );
  const el = provider.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
  const load = oneEvent(el, 'mono-load');
  await until(() => loadingBox(el), `${tag} shows no loading box`);
  const loading = height(el);
  await load;
  await until(() => !loadingBox(el));
  await el.updateComplete;
  return { loading, loaded: height(el) };
}

describe('loading boxes', () => {
  for (const tag of ['mono-account', 'mono-identity', 'mono-income-summary', 'mono-statement']) {
    it(`${tag} keeps about its loaded height while loading, so the page does not jump`, async () => {
      const { loading, loaded } = await heights(tag, 840);
      expect(loading / loaded, `${Math.round(loading)} px loading, ${Math.round(loaded)} px loaded`).to.be.within(0.85, 1.05);
    });
  }

  for (const width of [840, 390]) {
    it(`a compact mono-account loads in a box of its one line (${width} px)`, async () => {
      // On a phone the loading box is 1.4× (a media query, so the viewport is a phone's too) and the line wraps.
      // WebKit's driver (webdriver) cannot resize the viewport: there only the desktop case is measured.
      const phone = width < 640;
      if (phone && !(await setViewport({ width, height: 800 }).then(() => true, () => false))) return;
      try {
        const { loading, loaded } = await heights('mono-account', width, '', true);
        expect(loading / loaded, `${Math.round(loading)} px loading, ${Math.round(loaded)} px loaded`).to.be.within(0.85, 1.05);
      } finally {
        if (phone) await setViewport({ width: 1280, height: 800 });
      }
    });
  }

  it('takes the host’s --mono-loading-block-size', async () => {
    const { loading } = await heights('mono-account', 840, '--mono-loading-block-size: 5rem');
    expect(loading).to.be.within(79, 81);
  });
});
