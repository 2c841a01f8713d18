// Mono's classic widget (connect.js's, opened with a public key): loaded only when a button has `public-key`.

/** The classic widget that Mono's connect.js frames with a public key. */
export const CLASSIC_WIDGET_URL = 'https://connect.mono.co/';
/** The widget version connect.js 2.x asks for. */
export const CLASSIC_WIDGET_VERSION = '2023-12-14';

export interface ClassicWidgetOptions {
  key: string;
  reference: string;
  /** Re-authorise this account (connect.js `reauthorise(accountId)`). */
  account?: string;
  institution?: { id: string; auth_method?: string };
  /** Only Mono's opaque customer id travels in the URL; names, emails and BVNs never do. */
  customerId?: string;
  /** The page's origin (connect.js sends the whole page URL; the origin is enough). */
  referrer?: string;
}

/** The URL of Mono's classic widget, as connect.js builds it, minus the customer data connect.js leaks into it. */
export function classicWidgetUrl(options: ClassicWidgetOptions): string {
  const url = new URL(CLASSIC_WIDGET_URL);
  const params = url.searchParams;
  params.set('key', options.key);
  params.set('scope', 'auth');
  params.set('reference', options.reference);
  params.set('version', CLASSIC_WIDGET_VERSION);
  if (options.referrer) params.set('referrer', options.referrer);
  if (options.account) params.set('account', options.account);
  if (options.institution) params.set('selectedInstitution', JSON.stringify(options.institution));
  if (options.customerId) params.set('data', JSON.stringify({ customer: { id: options.customerId } }));
  return url.href;
}
