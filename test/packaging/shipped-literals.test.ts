// The browser tests run the kit's templates as every build ships them (scripts/minify-literals.mjs, applied
// by web-test-runner.config.mjs), so the rendering and style tests cover the minified text. Only the line
// breaks stay (for stack traces); test/e2e/minified-literals.e2e.ts compares the shipped CSS itself.
import { expect } from '@open-wc/testing';
import { connectButtonCss } from '../../src/elements/connect-button/mono-connect-button.styles.js';
import { accountStyles } from '../../src/elements/account/mono-account.styles.js';

describe('shipped template literals', () => {
  it('serves CSS without its source indentation or comments', () => {
    expect(connectButtonCss).to.not.match(/\n[ \t]|\/\*/);
    expect(accountStyles.cssText).to.not.match(/\n[ \t]|\/\*/);
    expect(accountStyles.cssText).to.match(/:host\{\n?display:block;/);
  });
});
