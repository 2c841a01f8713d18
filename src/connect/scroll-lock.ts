let holders = 0;
let saved: { overflow: string; gutter: string } | undefined;

/**
 * Stops the page behind the modal from scrolling, through the root element's own style (CSSOM, so a
 * strict CSP allows it; no stylesheet is added to the page). A visible scrollbar keeps its gutter, so
 * nothing shifts. Returns the release function; the page gets its exact previous values back when the
 * last holder releases.
 */
export function lockPageScroll(doc: Document = document): () => void {
  const root = doc.documentElement;
  if (holders++ === 0) {
    saved = { overflow: root.style.overflow, gutter: root.style.scrollbarGutter };
    const hasScrollbar = (doc.defaultView?.innerWidth ?? 0) > root.clientWidth;
    root.style.overflow = 'hidden';
    if (hasScrollbar && !saved.gutter) root.style.scrollbarGutter = 'stable';
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0 && saved) {
      root.style.overflow = saved.overflow;
      root.style.scrollbarGutter = saved.gutter;
      saved = undefined;
    }
  };
}
