import { expect } from '@open-wc/testing';
import { formatDate, formatMoney, maskAccountNumber, maskBvn, maskPhone, minorToDecimal, currencyDigits, warmFormatsWhenIdle } from '../../src/core/format.js';

describe('formatters', () => {
  it('makes no formatters per set of message overrides (a locale tag with a private-use part formats as its base)', () => {
    const base = formatMoney(123456, 'NGN', 'en-NG');
    let made = 0;
    const Real = Intl.NumberFormat;
    (Intl as { NumberFormat: unknown }).NumberFormat = new Proxy(Real, { construct: (T, args) => (made++, Reflect.construct(T, args)) });
    try {
      for (let i = 1; i <= 50; i++) expect(formatMoney(123456, 'NGN', `en-NG-x-mono-${i.toString(36)}`)).to.equal(base);
    } finally {
      (Intl as { NumberFormat: unknown }).NumberFormat = Real;
    }
    expect(made).to.equal(0);
  });

  it('formats kobo as naira exactly', () => {
    expect(formatMoney(18452375, 'NGN', 'en-NG')).to.equal('₦184,523.75');
    expect(formatMoney(5, 'NGN', 'en-NG')).to.equal('₦0.05');
    expect(formatMoney(-4000, 'NGN', 'en-NG')).to.equal('-₦40.00');
  });

  it('takes the decimals from the currency', () => {
    expect(currencyDigits('JPY')).to.equal(0);
    expect(currencyDigits('KWD')).to.equal(3);
    expect(formatMoney(1500, 'JPY', 'en-US')).to.equal('¥1,500');
    expect(formatMoney(1500, 'KWD', 'en-US')).to.match(/^KWD\s1\.500$/);
    expect(formatMoney(112540, 'USD', 'en-US')).to.equal('$1,125.40');
  });

  it('stays exact for the largest safe kobo amounts (no float division)', () => {
    expect(minorToDecimal(9007199254740991, 'NGN')).to.equal('90071992547409.91');
    expect(formatMoney(9007199254740991, 'NGN', 'en-NG')).to.equal('₦90,071,992,547,409.91');
  });

  it('formats amounts past 2^53 as the integer they hold, bigints exactly, and refuses what is not a number', () => {
    expect(formatMoney(1e21, 'NGN', 'en-NG')).to.equal('₦10,000,000,000,000,000,000.00');
    expect(formatMoney(2 ** 60, 'NGN', 'en-NG')).to.equal('₦11,529,215,046,068,469.76');
    expect(formatMoney(9007199254740993n, 'NGN', 'en-NG')).to.equal('₦90,071,992,547,409.93');
    expect(formatMoney(-5n, 'NGN', 'en-NG')).to.equal('-₦0.05');
    expect(minorToDecimal(-(10n ** 30n), 'NGN')).to.equal('-10000000000000000000000000000.00');
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => formatMoney(bad)).to.throw(RangeError);
  });

  it('follows the locale and the sign option', () => {
    expect(formatMoney(18452375, 'NGN', 'fr-FR')).to.match(/184\s523,75/);
    expect(formatMoney(5000000, 'NGN', 'en-NG', { signDisplay: 'always' })).to.equal('+₦50,000.00');
  });

  it('never throws on a bad currency or locale', () => {
    expect(formatMoney(100, 'not-a-code', 'en-US')).to.contain('1.00');
    expect(formatMoney(100, 'NGN', 'zz-invalid-@@')).to.contain('1.00');
  });

  it('keeps calendar days on their day whatever the time zone', () => {
    expect(formatDate('1994-03-11', 'en-GB', { dateStyle: 'long' })).to.equal('11 March 1994');
    expect(formatDate('not a date', 'en-GB')).to.equal('');
    expect(formatDate(null, 'en-GB')).to.equal('');
  });

  it('masks account numbers, BVNs and phone numbers, keeping the last four', () => {
    expect(maskAccountNumber('0123456789')).to.equal('•••• 6789');
    expect(maskBvn('22345674471')).to.equal('•••••••4471');
    expect(maskPhone('08031234567')).to.equal('•••••••4567');
    expect(maskPhone('+2348031234567')).to.equal('+•••••••••4567');
    // The last four digits, whatever separates them: "5-67" showed three.
    expect(maskPhone('0803-123-45-67')).to.equal('•••••••4567');
    expect(maskPhone('+234 803 123 45-67')).to.equal('+•••••••••4567');
    expect(maskBvn(null)).to.equal('');
    expect(maskBvn('4471'), 'only the last four digits, as Mono\'s details and the reference backend send it').to.equal('•••••••4471');
  });

  it('makes the likely locales\' formatters once, when the page is idle, and later formats reuse them', () => {
    // This page defines no element, so nothing has warmed the formatters yet.
    const created: string[] = [];
    const { NumberFormat, DateTimeFormat } = Intl;
    const idle: Array<() => void> = [];
    const realIdle = window.requestIdleCallback;
    Intl.NumberFormat = new Proxy(NumberFormat, { construct: (T, args) => (created.push(`number ${args[0]}`), Reflect.construct(T, args)) });
    Intl.DateTimeFormat = new Proxy(DateTimeFormat, { construct: (T, args) => (created.push(`date ${args[0]}`), Reflect.construct(T, args)) });
    window.requestIdleCallback = ((callback: () => void) => (idle.push(callback), 0)) as typeof window.requestIdleCallback;
    try {
      warmFormatsWhenIdle(() => ['en-KE', 'en-KE']);
      expect(idle, 'scheduled for idle time').to.have.length(1);
      expect(created, 'nothing made before the page is idle').to.deep.equal([]);
      idle[0]();
      expect(created).to.include.members(['number en-KE', 'date en-KE']);
      const made = created.length;
      expect(formatMoney(150, 'NGN', 'en-KE')).to.equal(new NumberFormat('en-KE', { style: 'currency', currency: 'NGN' }).format(1.5));
      formatDate('2025-05-01', 'en-KE');
      expect(created.length, 'the first render reuses them').to.equal(made);
      warmFormatsWhenIdle(() => ['en-GH']);
      expect(idle, 'once per page').to.have.length(1);
    } finally {
      Intl.NumberFormat = NumberFormat;
      Intl.DateTimeFormat = DateTimeFormat;
      window.requestIdleCallback = realIdle;
    }
  });
});
