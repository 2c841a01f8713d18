// Every catalogue translates every English key with the same {placeholders}, and lookups fall back
// from the full tag to the language to English; host overrides ride on a private-use subtag.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CODE_KINDS, en } from '../../src/i18n/en.js';
import * as locales from '../../src/i18n/locales/index.js';
import { codeWords, msg, registerMessages, withMessages, type MessageKey } from '../../src/i18n/index.js';
import { isolate } from '../../src/i18n/catalogue.js';
import { describeErrorWith } from '../../src/core/describe-error.js';
import { MonoError } from '../../src/client/errors.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  for (const [language, catalogue] of Object.entries(locales)) {
    it(`${language} has every key, translated, with the same placeholders`, () => {
      const messages = catalogue as Record<string, string>;
      for (const key of Object.keys(en) as MessageKey[]) {
        assert.equal(typeof messages[key], 'string', `${language} misses ${key}`);
        assert.ok(messages[key].trim(), `${language}.${key} is empty`);
        assert.deepEqual(placeholders(messages[key]), placeholders(en[key]), `${language}.${key} placeholders`);
      }
      // Besides English's keys, only words for Mono's codes, keyed as codeWords looks them up (kind:lower_case_code).
      const codeKey = new RegExp(`^(${CODE_KINDS.join('|')}):[^\\sA-Z]+$`);
      assert.deepEqual(Object.keys(messages).filter((k) => !(k in en) && !codeKey.test(k)), [], `${language} has keys English does not`);
      const translated = (Object.keys(en) as MessageKey[]).filter((k) => messages[k] !== en[k]).length;
      assert.ok(translated / Object.keys(en).length > 0.8, `${language} leaves most messages in English`);
    });
  }

  it("shows Mono's codes in the locale's words where its catalogue has them, else made readable", () => {
    assert.equal(codeWords('en-NG', 'category', 'bank_charges'), 'Bank charges');
    assert.equal(codeWords('en-NG', 'incomeType', ' SALARY '), 'Salary');
    assert.equal(codeWords('en-NG', 'gender', 'non-binary'), 'Non-binary', 'a hyphen is part of a word');
    assert.equal(codeWords('en-NG', 'category', null), '');
    registerMessages('fr', locales.fr);
    assert.equal(codeWords('fr-CI', 'category', 'BANK_CHARGES'), 'Frais bancaires', 'any case and spacing of the code');
    assert.equal(codeWords('fr', 'frequency', 'MONTHLY'), 'Mensuelle');
    assert.equal(codeWords('fr', 'category', 'crypto_exchange'), 'Crypto exchange', 'a code without an entry');
    assert.equal(codeWords('fr', 'incomeType', 'monthly'), 'Monthly', 'entries are per kind');
    const host = withMessages('fr-CI', { 'category:bank_charges': 'Frais de la banque' });
    assert.equal(codeWords(host, 'category', 'bank_charges'), 'Frais de la banque', 'a host override wins');
    registerMessages('en-NG', { 'gender:male': 'M' });
    assert.equal(codeWords('en-NG', 'gender', 'Male'), 'M', 'English can be given words too');
  });

  it('ends the server\'s own words as a sentence after the kit\'s', () => {
    const say = (error: MonoError) => describeErrorWith(error, (key, params) => msg('en', key, params));
    assert.equal(say(new MonoError('http', 'Upstream bank timeout', { status: 500 })), 'The server answered with an error (500). Upstream bank timeout.');
    assert.equal(say(new MonoError('http', 'Try later!', { status: 503 })), 'The server answered with an error (503). Try later!');
    assert.equal(say(new MonoError('http', 'HTTP 502', { status: 502 })), 'The server answered with an error (502).');
  });

  it('looks up the full tag, then shorter tags, then English', () => {
    registerMessages('fr', locales.fr);
    registerMessages('fr-CI', { retry: 'Réessayer (CI)' });
    assert.equal(msg('fr-CI', 'retry'), 'Réessayer (CI)');
    assert.equal(msg('fr-SN', 'retry'), 'Réessayer');
    assert.equal(msg('fr-SN', 'errorHttp', { status: 503 }), 'Le serveur a répondu par une erreur (503).');
    assert.equal(msg('yo-NG', 'retry'), en.retry);
    assert.equal(msg('not a tag', 'retry'), en.retry);
  });

  it('isolates bank text that could reorder the message around it (right-to-left text, bidi controls)', () => {
    assert.equal(msg('en', 'accountBankCode', { code: isolate('058') }), 'bank code 058');
    assert.equal(msg('en', 'accountBankCode', { code: isolate('058\u202E') }), 'bank code \u2068058\u202E\u2069');
    assert.equal(isolate('بنك'), '\u2068بنك\u2069');
  });

  it('carries host overrides on a private-use subtag, over the locale’s own catalogue', () => {
    const tag = withMessages('fr-CI', { loading: 'Patientez…' });
    assert.match(tag, /^fr-CI-x-mono-[0-9a-z]+$/);
    assert.equal(new Intl.NumberFormat(tag).resolvedOptions().locale, 'fr-CI');
    assert.equal(msg(tag, 'loading'), 'Patientez…');
    assert.equal(msg(tag, 'retry'), 'Réessayer (CI)');
    assert.equal(withMessages('fr-CI', { loading: 'Patientez…' }), tag, 'the same overrides reuse their tag');
    const nested = withMessages(tag, { retry: 'Encore' });
    assert.notEqual(nested, tag);
    assert.equal(msg(nested, 'loading'), 'Patientez…', 'outer overrides are kept');
    assert.equal(msg(nested, 'retry'), 'Encore');
  });
});
