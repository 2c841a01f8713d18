// JSX typings for React 19: `<mono-transactions account-id="…" onmono-load={(e) => e.detail.data}>` type-checks.
// React 19 sets known properties as properties and turns `onmono-load` into a listener for `mono-load`.
// Included by `mono-elements/react`; otherwise `import type {} from 'mono-elements/jsx-react'` once.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MonoJsxProps, MonoTagClasses, MonoTagName } from './elements.js';

export type MonoReactElements = {
  [T in MonoTagName]: DetailedHTMLProps<HTMLAttributes<MonoTagClasses[T]>, MonoTagClasses[T]> & MonoJsxProps<T> & { class?: string };
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends MonoReactElements {}
  }
}
