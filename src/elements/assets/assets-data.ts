import type { Asset, Assets } from '../../model/investments.js';

export type AllocationGroup = 'type' | 'holding';

/** One currency's figures, from the holdings in that currency only (currencies are never added together). */
export interface CurrencyTotals {
  currency: string;
  cost: number;
  value: number;
  gain: number;
  /** gain / cost × 100; null without cost. */
  gainPercent: number | null;
  holdings: number;
  /** What Mono's `balances` reports for this currency, if anything. */
  reported: number | null;
}

/** Totals per currency, in order of first appearance (holdings first, then currencies only in `balances`). */
export function totalsByCurrency(assets: Assets): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  const entry = (currency: string) => {
    let t = byCurrency.get(currency);
    if (!t) byCurrency.set(currency, (t = { currency, cost: 0, value: 0, gain: 0, gainPercent: null, holdings: 0, reported: null }));
    return t;
  };
  for (const a of assets.assets) {
    const t = entry(a.currency);
    t.cost += a.cost;
    t.value += a.value;
    t.gain += a.gain;
    t.holdings++;
  }
  for (const b of assets.balances) {
    if (b.amount === 0 && !byCurrency.has(b.currency)) continue;
    entry(b.currency).reported = b.amount;
  }
  for (const t of byCurrency.values()) t.gainPercent = t.cost !== 0 ? (t.gain / Math.abs(t.cost)) * 100 : null;
  return [...byCurrency.values()];
}

export interface AllocationSlice {
  label: string;
  value: number;
}

/** Positive current values of one currency's holdings, grouped by asset type or by holding, largest first. */
export function allocation(assets: readonly Asset[], currency: string, group: AllocationGroup, other: string): AllocationSlice[] {
  const slices = new Map<string, number>();
  for (const a of assets) {
    if (a.currency !== currency || a.value <= 0) continue;
    const label = group === 'type' ? a.type || other : a.symbol ? `${a.name} (${a.symbol})` : a.name;
    slices.set(label, (slices.get(label) ?? 0) + a.value);
  }
  return [...slices].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
}

export const isEmptyAssets = (assets: Assets): boolean => assets.assets.length === 0 && assets.balances.every((b) => b.amount === 0);
