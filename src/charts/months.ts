import { formatDate } from '../core/format.js';

/** A `YYYY-MM` month for an axis or a table row, e.g. "Mar 2025" in en-NG. */
export const monthLabel = (month: string, locale: string): string => formatDate(`${month}-01`, locale, { month: 'short', year: 'numeric' });
