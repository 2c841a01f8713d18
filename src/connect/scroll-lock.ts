let holders = 0;
/** The root's own values before the first holder, given back when the last one releases. */
let savedOverflow = '';
let savedGutter = '';

/**
 * Stops the page behind the modal from scrolling, through the root element's own style (CSSOM, so a
 * strict CSP allows it; no stylesheet is added to the page). A visible scrollbar keeps its gutter, so
 * nothing shifts. Returns the release function; the page gets its exact previous values back when the
 * last holder releases.
 */
export function lockPageScroll(): () => void {
  const root = document.documentElement;
  const style = root.style;
  if (holders++ === 0) {
    savedOverflow = style.overflow;
    savedGutter = style.scrollbarGutter;
    const hasScrollbar = window.innerWidth > root.clientWidth;
    style.overflow = 'hidden';
    if (hasScrollbar && !savedGutter) style.scrollbarGutter = 'stable';
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) {
      style.overflow = savedOverflow;
      style.scrollbarGutter = savedGutter;
    }
  };
}
