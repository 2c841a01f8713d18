/** Runs `task` once the page is idle; at once after the current task where there is no `requestIdleCallback` (Safari). */
export function whenIdle(task: () => void): void {
  (window.requestIdleCallback ?? setTimeout)(() => task());
}
