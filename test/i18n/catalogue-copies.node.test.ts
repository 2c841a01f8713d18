// Two copies of the kit on one page (a script tag beside a bundle, two bundles): a catalogue registered
// through either copy reaches the other's elements, and their override tags never collide.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

type Catalogue = typeof import('../../src/i18n/catalogue.js');

describe('message catalogues across copies of the kit', () => {
  it('are shared by every copy on the page, and the override tags of each stay apart', async () => {
    // The same file under two URLs: two module instances, as two bundles would have.
    const one: Catalogue = await import(new URL('../../src/i18n/catalogue.ts?copy=1', import.meta.url).href);
    const two: Catalogue = await import(new URL('../../src/i18n/catalogue.ts?copy=2', import.meta.url).href);
    assert.notEqual(one.translator, two.translator, 'two instances');

    two.registerMessages('fr', { retry: 'Réessayer' });
    const msgOne = one.translator({ retry: 'Try again' });
    assert.equal(msgOne('fr-CI', 'retry'), 'Réessayer', 'registered through the other copy');

    const tagOne = one.withMessages('en-NG', { retry: 'Reload (one)' });
    const tagTwo = two.withMessages('en-NG', { retry: 'Reload (two)' });
    assert.notEqual(tagOne, tagTwo);
    assert.equal(msgOne(tagOne, 'retry'), 'Reload (one)');
    assert.equal(msgOne(tagTwo, 'retry'), 'Reload (two)');
    assert.equal(two.translator({ retry: 'Try again' })(tagOne, 'retry'), 'Reload (one)');
  });
});
