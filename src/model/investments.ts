import * as z from './schema.js';
import { aliased, optionalCurrency, finite, isoDate, isRecord, minorUnits, normalizeCurrency, optionalFieldsRecord, optionalText, run, text, tooLargeToAdd, unrecognised, type ParseResult } from './common.js';

export interface Money {
  /** Minor units. */
  amount: number;
  currency: string;
}

export interface Asset {
  name: string;
  /** e.g. Stocks, Mixed. */
  type: string | null;
  symbol: string | null;
  quantity: number | null;
  /** Unit price in minor units. */
  price: number | null;
  cost: number;
  /** Current value (Mono's `details.current_balance`). */
  value: number;
  /** value − cost, in minor units. */
  gain: number;
  /** gain / cost × 100, null when cost is 0. */
  gainPercent: number | null;
  currency: string;
}

export interface Assets {
  id: string | null;
  /** Totals per currency as Mono reports them (never summed across currencies). */
  balances: Money[];
  assets: Asset[];
}

export interface Earning {
  id: string;
  amount: number;
  currency: string;
  narration: string;
  date: string;
  asset: { name: string | null; symbol: string | null; salePrice: number | null; quantitySold: number | null };
}

const asset = z.object({
  name: text,
  type: optionalText,
  cost: minorUnits,
  return: z.nullish(minorUnits),
  quantity: z.nullish(finite),
  currency: optionalCurrency,
  details: z.withDefault(
    z.nullable(
      aliased(
        { currentBalance: 'current_balance' },
        z.object({ symbol: optionalText, price: z.nullish(minorUnits), current_balance: z.nullish(minorUnits) }),
      ),
    ),
    null,
  ),
});

const assetsShape = {
  id: optionalText,
  balances: z.withDefault(z.nullable(z.record(minorUnits)), null),
  assets: z.withDefault(z.nullable(z.array(asset)), []),
};
const assetsBody = aliased({ _id: 'id' }, z.object(assetsShape));
const assetsKeys = ['_id', ...Object.keys(assetsShape)];

function toAsset(a: z.infer<typeof asset>): Asset {
  const value = a.details?.current_balance ?? a.return ?? a.cost;
  const gain = value - a.cost;
  return {
    name: a.name,
    type: a.type,
    symbol: a.details?.symbol ?? null,
    quantity: a.quantity ?? null,
    price: a.details?.price ?? null,
    cost: a.cost,
    value,
    gain,
    gainPercent: a.cost !== 0 ? (gain / Math.abs(a.cost)) * 100 : null,
    currency: a.currency ?? 'NGN',
  };
}

export function parseAssets(body: unknown): ParseResult<Assets> {
  const record = isRecord(body) ? optionalFieldsRecord(body, assetsKeys) : undefined;
  if (!record) return unrecognised('assets');
  const r = run(z.object({ data: assetsBody }), { data: record });
  if (!r.ok) return r;
  const d = r.value.data;
  const assets = (d.assets ?? []).map(toAsset);
  // Each amount is a safe integer, but a difference or a sum of two need not be: refuse rather than round.
  const unsafe = assets.findIndex((a) => !Number.isSafeInteger(a.gain));
  if (unsafe >= 0) return { ok: false, issue: { path: `data.assets[${unsafe}].cost`, message: 'amounts too large to compare exactly' } };
  const balances = new Map<string, number>();
  for (const [key, amount] of Object.entries(d.balances ?? {})) {
    const cur = normalizeCurrency(key);
    const sum = (balances.get(cur) ?? 0) + amount;
    if (!Number.isSafeInteger(sum)) return { ok: false, issue: { path: `data.balances.${key}`, message: 'amounts too large to add exactly' } };
    balances.set(cur, sum);
  }
  return {
    ok: true,
    value: { id: d.id, balances: [...balances].map(([cur, amount]) => ({ amount, currency: cur })), assets },
  };
}

const earning = aliased(
  { _id: 'id' },
  z.object({
    id: text,
    amount: minorUnits,
    narration: z.withDefault(text, ''),
    date: isoDate,
    currency: optionalCurrency,
    asset: z.withDefault(
      z.nullable(
        aliased(
          { salePrice: 'sale_price', quantitySold: 'quantity_sold' },
          z.object({ symbol: optionalText, name: optionalText, sale_price: z.nullish(minorUnits), quantity_sold: z.nullish(finite) }),
        ),
      ),
      null,
    ),
  }),
);

export function parseEarnings(body: unknown): ParseResult<Earning[]> {
  if (!isRecord(body) || !Array.isArray(body.data)) return unrecognised('earnings');
  const r = run(z.object({ data: z.array(earning) }), body);
  if (!r.ok) return r;
  const unsafe = tooLargeToAdd(r.value.data, (e) => e.amount, 'data');
  if (unsafe) return unsafe;
  return {
    ok: true,
    value: r.value.data.map((e) => ({
      id: e.id,
      amount: e.amount,
      currency: e.currency ?? 'USD',
      narration: e.narration,
      date: e.date,
      asset: {
        name: e.asset?.name ?? null,
        symbol: e.asset?.symbol ?? null,
        salePrice: e.asset?.sale_price ?? null,
        quantitySold: e.asset?.quantity_sold ?? null,
      },
    })),
  };
}
