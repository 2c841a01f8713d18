/**
 * The redirect helper: load it on the page your backend gives Mono as `redirect_url`
 * (`import 'mono-elements/redirect'` or a `<script type="module">`). When the widget ran in the kit's modal
 * or popup and Mono sent it back to that page inside the iframe or popup, it hands `code`, `status`,
 * `reason` and `reference` to the page that opened the widget (same origin only) and closes the popup.
 * After a full-page redirect it leaves the parameters for the `<mono-connect-button>` on the page, which
 * checks the reference against the one it stored before leaving and exchanges the code once.
 */
import { handOffRedirect, type HandOff } from './redirect-return.js';

export const redirectHandOff: HandOff = typeof window === 'undefined' ? 'none' : handOffRedirect();
