import { DAY_MS } from './dates.js';
import type { AccountProfile } from './profile.js';
import { objectIdFor, Rng } from './random.js';

interface Security {
  name: string;
  type: 'Stocks' | 'ETFs' | 'Mixed';
  symbol: string | null;
  currency: 'USD' | 'NGN';
  /** Unit price in minor units; null for managed plans. */
  price: number | null;
  /** Dividend per unit in minor units and the [month, day] pairs it is paid on. */
  dividend?: { perUnit: number; dates: readonly (readonly [number, number])[] };
  /** Annual interest rate of a managed plan. */
  interestRate?: number;
}

const SECURITIES: readonly Security[] = [
  { name: 'Apple Inc', type: 'Stocks', symbol: 'AAPL', currency: 'USD', price: 21_500, dividend: { perUnit: 25, dates: [[1, 15], [4, 15], [7, 15], [10, 15]] } },
  { name: 'Tesla Inc', type: 'Stocks', symbol: 'TSLA', currency: 'USD', price: 25_000 },
  { name: 'Amazon.com Inc', type: 'Stocks', symbol: 'AMZN', currency: 'USD', price: 18_500 },
  { name: 'Microsoft Corp', type: 'Stocks', symbol: 'MSFT', currency: 'USD', price: 42_000, dividend: { perUnit: 83, dates: [[2, 13], [5, 12], [8, 12], [11, 12]] } },
  { name: 'Vanguard S&P 500 ETF', type: 'ETFs', symbol: 'VOO', currency: 'USD', price: 51_000, dividend: { perUnit: 170, dates: [[2, 28], [5, 30], [8, 29], [11, 27]] } },
  { name: 'Invesco QQQ Trust', type: 'ETFs', symbol: 'QQQ', currency: 'USD', price: 48_000, dividend: { perUnit: 60, dates: [[2, 28], [5, 30], [8, 29], [11, 27]] } },
  { name: 'Dollar Savings Plan', type: 'Mixed', symbol: null, currency: 'USD', price: null, interestRate: 0.07 },
  { name: 'MTN Nigeria Communications Plc', type: 'Stocks', symbol: 'MTNN', currency: 'NGN', price: 22_000, dividend: { perUnit: 560, dates: [[3, 20], [8, 10]] } },
  { name: 'Dangote Cement Plc', type: 'Stocks', symbol: 'DANGCEM', currency: 'NGN', price: 48_000, dividend: { perUnit: 3_000, dates: [[4, 22]] } },
  { name: 'Zenith Bank Plc', type: 'Stocks', symbol: 'ZENITHBANK', currency: 'NGN', price: 3_800, dividend: { perUnit: 400, dates: [[3, 28]] } },
  { name: 'Guaranty Trust Holding Co Plc', type: 'Stocks', symbol: 'GTCO', currency: 'NGN', price: 4_500, dividend: { perUnit: 280, dates: [[3, 25], [9, 18]] } },
  { name: 'Naira Fixed Income Plan', type: 'Mixed', symbol: null, currency: 'NGN', price: null, interestRate: 0.18 },
];

interface Holding {
  security: Security;
  price: number | null;
  quantity: number | null;
  cost: number;
  value: number;
}

export interface Asset {
  name: string;
  type: string;
  cost: number;
  return: number;
  quantity: number | null;
  currency: string;
  details: { symbol: string | null; price: number | null; current_balance: number };
}

export interface AssetsData {
  id: string;
  balances: Record<string, number>;
  assets: Asset[];
}

export interface Earning {
  id: string;
  amount: number;
  narration: string;
  date: string;
  currency: string;
  asset: { symbol: string | null; name: string; sale_price: number | null; quantity_sold: number | null };
}

function holdingsFor(profile: AccountProfile): Holding[] {
  const rng = Rng.for(profile.id, 'assets');
  const usd = rng.shuffle(SECURITIES.filter((s) => s.currency === 'USD'));
  const ngn = rng.shuffle(SECURITIES.filter((s) => s.currency === 'NGN'));
  const rest = rng.shuffle([...usd.slice(1), ...ngn.slice(1)]);
  const chosen = [usd[0], ngn[0], ...rest.slice(0, rng.int(1, 4))];
  return chosen.map((security) => {
    const growth = 1 + rng.between(-0.25, 0.6);
    if (security.price === null) {
      const value = security.currency === 'USD' ? rng.int(200, 5000) * 100 : rng.int(100_000, 3_000_000) * 100;
      return { security, price: null, quantity: null, value, cost: Math.round(value / (1 + rng.between(0.02, 0.15))) };
    }
    const price = Math.round(security.price * rng.between(0.92, 1.08));
    const quantity =
      security.currency === 'USD'
        ? Math.round((rng.logUniform(100, 3000) * 100 * 100) / price) / 100
        : rng.int(50, 5000);
    const value = Math.round(quantity * price);
    return { security, price, quantity, value, cost: Math.round(value / growth) };
  });
}

export function assetsData(profile: AccountProfile): AssetsData {
  const holdings = holdingsFor(profile);
  const balances: Record<string, number> = { USD: 0 };
  for (const holding of holdings) balances[holding.security.currency] = (balances[holding.security.currency] ?? 0) + holding.value;
  return {
    id: objectIdFor(profile.id, 'assets', profile.linkedAtMs),
    balances,
    assets: holdings.map(({ security, price, quantity, cost, value }) => ({
      name: security.name,
      type: security.type,
      cost,
      return: value,
      quantity,
      currency: security.currency,
      details: { symbol: security.symbol, price, current_balance: value },
    })),
  };
}

/** Dividends, plan interest and a few sales over the ~18 months before `anchorMs`, newest first. */
export function earningsData(profile: AccountProfile, anchorMs: number): Earning[] {
  const rng = Rng.for(profile.id, 'earnings');
  const startMs = anchorMs - 548 * DAY_MS;
  const earnings: Omit<Earning, 'id'>[] = [];
  const startYear = new Date(startMs).getUTCFullYear();
  const endYear = new Date(anchorMs).getUTCFullYear();
  const add = (atMs: number, entry: Omit<Earning, 'id' | 'date'>): void => {
    if (atMs > startMs && atMs < anchorMs && entry.amount > 0) earnings.push({ ...entry, date: new Date(atMs).toISOString() });
  };

  for (const { security, quantity, value } of holdingsFor(profile)) {
    const asset = { symbol: security.symbol, name: security.name, sale_price: null, quantity_sold: null };
    for (let year = startYear; year <= endYear; year++) {
      for (const [month, day] of security.dividend?.dates ?? []) {
        const amount = Math.round((quantity ?? 0) * security.dividend!.perUnit);
        add(Date.UTC(year, month, day, 14), { amount, narration: `Dividend payment ${security.symbol}`, currency: security.currency, asset });
      }
      if (security.interestRate) {
        for (let month = 0; month < 12; month++) {
          const amount = Math.round((value * security.interestRate) / 12);
          add(Date.UTC(year, month + 1, 0, 8, 10), { amount, narration: `Interest earned on ${security.name}`, currency: security.currency, asset });
        }
      }
    }
    if (security.price !== null && quantity !== null && rng.chance(0.5)) {
      const quantitySold = security.currency === 'USD' ? Math.round(quantity * rng.between(0.1, 0.4) * 100) / 100 : Math.max(1, Math.round(quantity * rng.between(0.1, 0.4)));
      const salePrice = Math.round(security.price * rng.between(0.8, 1.1));
      add(startMs + rng.int(30, 520) * DAY_MS + rng.int(14, 20) * 3_600_000, {
        amount: Math.round(quantitySold * salePrice),
        narration: `Sale of ${quantitySold} ${security.symbol}`,
        currency: security.currency,
        asset: { symbol: security.symbol, name: security.name, sale_price: salePrice, quantity_sold: quantitySold },
      });
    }
  }
  earnings.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return earnings.map(({ amount, narration, date, currency, asset }, index) => ({
    id: objectIdFor(profile.id, `earning#${index}`, Date.parse(date)),
    amount,
    narration,
    date,
    currency,
    asset,
  }));
}
