// JSX typings for Preact: `<mono-transactions account-id="…" onmono-load={(e) => e.detail.data}>` type-checks.
// Preact sets known properties as properties and turns `onmono-load` into a listener for `mono-load`.
// `import type {} from 'mono-elements/jsx-preact'` once in the app.
import type { HTMLAttributes } from 'preact';
import type { MonoJsxProps, MonoTagClasses, MonoTagName } from './elements.js';

export type MonoPreactElements = {
  [T in MonoTagName]: HTMLAttributes<MonoTagClasses[T]> & MonoJsxProps<T>;
};

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends MonoPreactElements {}
  }
}
