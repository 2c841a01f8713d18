// Server-rendered tags (Next.js, Nuxt, Angular SSR) upgrade before the framework hydrates them, and the framework
// compares their attributes with what it rendered: an element must not add attributes of its own on upgrade.
// (`<mono-income-summary>` added view="chart", and React 19 logged a hydration mismatch for it.)
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { MONO_ELEMENTS } from '../../src/tags.js';

describe('upgrading server-rendered tags', () => {
  it('adds no attribute to the host: defaults are not reflected', async () => {
    const host = document.createElement('div');
    host.innerHTML = Object.keys(MONO_ELEMENTS)
      .map((tag) => `<${tag} data-ssr="${tag}"></${tag}>`)
      .join('');
    document.body.append(host);
    try {
      for (const el of host.children) {
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(el.getAttributeNames(), el.localName).to.deep.equal(['data-ssr']);
      }
    } finally {
      host.remove();
    }
  });

  it('still reflects a value that is set, and goes back to the default when the attribute is removed', async () => {
    const el = document.createElement('mono-income-summary');
    document.body.append(el);
    try {
      el.view = 'table';
      await el.updateComplete;
      expect(el.getAttribute('view')).to.equal('table');
      el.removeAttribute('view');
      await el.updateComplete;
      expect(el.view).to.equal('chart');
    } finally {
      el.remove();
    }
  });
});
