import { en, type CodeKind, type MessageKey, type Messages } from './en.js';
import { translator, type MessageParams } from './catalogue.js';

export type { CodeKind, MessageKey, Messages, MessageParams };
export { codeWords, registerMessages, translator, withMessages } from './catalogue.js';

const english = /* @__PURE__ */ translator(en);

/** The message for `locale` (full tag, then shorter tags, then English) with `{name}` placeholders filled. */
export function msg(locale: string, key: MessageKey, params?: MessageParams): string {
  return english(locale, key, params);
}
