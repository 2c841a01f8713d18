import { installThemeClasses } from './theme-classes.js';

/**
 * Registers `element` under `tag` unless that tag is taken. A second registration of the same class under another
 * tag (a prefix chosen by the host) gets an anonymous subclass, as the registry requires. Without a DOM (server
 * rendering with no shim) it does nothing. Lit-free, for the connect button.
 */
export function defineElement(element: typeof HTMLElement, tag: string, registry?: CustomElementRegistry): void {
  const target = registry ?? globalThis.customElements;
  if (!target || target.get(tag)) return;
  target.define(tag, target.getName?.(element) != null ? class extends element {} : element);
  installThemeClasses();
}
