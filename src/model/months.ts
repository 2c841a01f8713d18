/** Every `YYYY-MM` from the month of `start` to the month of `end` (ISO days), oldest first: a month axis. */
export function monthsBetween(start: string, end: string): string[] {
  const months: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7)) - 1;
  const last = end.slice(0, 7);
  // The guard keeps a malformed date from looping: 100 years of months at most.
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m + 1).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return months;
}
