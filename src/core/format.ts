import { whenIdle } from './idle.js';
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat;
const formatters = new Map<string, Formatter>();

/** One formatter per kind, locale and options, made once. */
function formatter<F extends Formatter, O>(Format: new (locale: string, options: O) => F, tag: string, options: O): F {
  // Without the private-use part that carries a host's message overrides (withMessages): Intl ignores it, and
  // each set of overrides would otherwise keep formatters of its own for good.
  const locale = tag.split(/-x-/i)[0];
  const key = `${Format.name}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    try {
      f = new Format(locale, options);
    } catch {
      // An invalid locale tag from an attribute must not break rendering.
      f = new Format('en-NG', options);
    }
    formatters.set(key, f);
  }
  return f;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => formatter(Intl.NumberFormat, locale, options);

const digitsCache = new Map<string, number>();

/** The currency's minor-unit digits (NGN 2, JPY 0, KWD 3), as Intl knows them. */
export function currencyDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

/**
 * Exact decimal text of an integer number of minor units, e.g. 18452375 kobo → "184523.75" (no float division).
 * A number past 2^53 is read as the integer it holds; not a finite number is a RangeError, never "NaN".
 */
export function minorToDecimal(minor: number | bigint, currency: string): string {
  if (typeof minor === 'number' && !Number.isFinite(minor)) throw new RangeError(`Not an amount: ${minor}`);
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const whole = typeof minor === 'bigint' ? minor : Math.trunc(minor);
  const abs = whole < 0 ? -whole : whole;
  // Past 2^53 through BigInt, since String(1e21) is "1e+21".
  const s = (typeof abs === 'number' && Number.isSafeInteger(abs) ? String(abs) : BigInt(abs).toString()).padStart(digits + 1, '0');
  const major = digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return negative ? `-${major}` : major;
}

export interface MoneyFormatOptions {
  /** Always show + or − (for credits and debits). */
  signDisplay?: Intl.NumberFormatOptions['signDisplay'];
  currencyDisplay?: Intl.NumberFormatOptions['currencyDisplay'];
  /** Drop the minor digits (chart axes, compact summaries). */
  whole?: boolean;
  notation?: Intl.NumberFormatOptions['notation'];
  /** A figure in a card, which may wrap: between its number and its currency code ("314 648,95" / "NGN"), never inside either. */
  wrap?: boolean;
}

/** Formats minor units as money with the currency's own decimals, e.g. `formatMoney(18452375, 'NGN')` → "₦184,523.75". */
export function formatMoney(minor: number | bigint, currency = 'NGN', locale = 'en-NG', options: MoneyFormatOptions = {}): string {
  const code = /^[A-Z]{3}$/.test(currency) ? currency : 'XXX';
  const f = numberFormat(locale, {
    style: 'currency',
    currency: code,
    signDisplay: options.signDisplay,
    currencyDisplay: options.currencyDisplay,
    notation: options.notation,
    ...(options.whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
  // Intl parses decimal strings exactly (no binary rounding of large kobo values).
  const money = f.format(minorToDecimal(minor, code) as unknown as number);
  return options.wrap ? money.replace(/\u00a0/g, ' ') : money;
}

/** Whether `count` takes the singular in `locale` (French: 0 and 1; English: 1 only). */
export const isSingular = (count: number, locale: string) => formatter(Intl.PluralRules, locale, {}).select(count) === 'one';

/** Words joined as the locale joins them: "identity and balance", "identité et solde". */
export const formatList = (items: string[], locale: string): string => formatter(Intl.ListFormat, locale, {}).format(items);

export function formatNumber(value: number, locale = 'en-NG', options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

export function formatPercent(value: number, locale = 'en-NG', fractionDigits = 1): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits, signDisplay: 'exceptZero' }).format(value / 100);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats an ISO date or date-time. Date-only values are calendar days and are shown in UTC so that
 * no time zone moves them to the day before.
 */
/**
 * A Mono date-time as its calendar day in UTC: the day Mono's `start`/`end` filters and the monthly credits
 * count it in, so every element puts an instant on the same day whatever the reader's time zone.
 */
export const MONO_DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

export function formatDate(
  iso: string | null | undefined,
  locale = 'en-NG',
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  if (!iso) return '';
  const dateOnly = DATE_ONLY.test(iso);
  const time = Date.parse(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time)) return '';
  const opts = dateOnly ? { ...options, timeZone: 'UTC', timeStyle: undefined } : options;
  return formatter(Intl.DateTimeFormat, locale, opts).format(time);
}

let warming = false;

/**
 * Makes the money and date formatters of the likely locales once the page is idle: a page's first `Intl`
 * formatter for a locale loads its data (10–20 ms in Chromium), later ones take microseconds, so this
 * keeps that cost out of the first render with data. Once per page; nothing happens without a DOM.
 */
export function warmFormatsWhenIdle(locales: () => readonly string[]): void {
  if (warming || typeof window === 'undefined' || typeof document === 'undefined') return;
  warming = true;
  const warm = () => {
    for (const locale of new Set(locales())) {
      formatMoney(0, 'NGN', locale);
      formatDate('2000-01-01', locale);
    }
  };
  whenIdle(warm);
}

const MASK = '•';


/** NUBAN account numbers: last four shown, grouped for reading, e.g. "•••• •• 6789"-style without leaking length. */
export const maskAccountNumber = (value: string | null | undefined): string => (value ? `${MASK.repeat(4)} ${String(value).slice(-4)}` : '');

/** BVN: 11 digits, last four shown; a value that is only its last four digits (Mono's account details) looks the same. */
export const maskBvn = (value: string | null | undefined): string => (value ? MASK.repeat(7) + String(value).replace(/\D/g, '').slice(-4) : '');

/** Phone: the last four digits (whatever separates them) and a leading + if any. */
export function maskPhone(value: string | null | undefined): string {
  const s = String(value ?? '').trim();
  const digits = s.replace(/\D/g, '');
  return (s.startsWith('+') ? '+' : '') + (digits.length <= 4 ? MASK.repeat(digits.length) : MASK.repeat(digits.length - 4) + digits.slice(-4));
}

/** The most characters of one bank value an element shows; the data and events keep it whole. */
export const BANK_TEXT_MAX = 500;

/**
 * Bank text as shown: cut at BANK_TEXT_MAX characters with an ellipsis. A 100,000-character value held the page
 * in one layout for seconds (`overflow-wrap: anywhere` weighs a break at every character).
 */
export function clip(text: string): string {
  if (text.length <= BANK_TEXT_MAX) return text;
  const end = /[\ud800-\udbff]/.test(text[BANK_TEXT_MAX - 2]) ? BANK_TEXT_MAX - 2 : BANK_TEXT_MAX - 1;
  return `${text.slice(0, end)}…`;
}
