import type { MonoError } from '../../client/errors.js';
import type { IncomeSummary } from '../../model/income.js';
import type { MonthlyIncome } from '../../model/monthly-income.js';

export type { MonthlyIncome };

/** What `<mono-income-summary>` shows (and sends in `mono-load`): Mono's analysis plus the monthly bars. */
export interface IncomeView {
  accountId: string;
  summary: IncomeSummary;
  monthly: MonthlyIncome | null;
  /** Why the monthly bars are missing, when their request failed (the summary still shows). */
  monthlyError: MonoError | null;
}

export type StabilityLevel = 'VeryStable' | 'Stable' | 'Variable' | 'Irregular';

/** Mono's 0–1 stability in plain words. */
export function stabilityLevel(stability: number): StabilityLevel {
  if (stability >= 0.8) return 'VeryStable';
  if (stability >= 0.6) return 'Stable';
  if (stability >= 0.4) return 'Variable';
  return 'Irregular';
}

