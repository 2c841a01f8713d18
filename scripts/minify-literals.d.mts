import type { Plugin } from 'vite';
import type MagicString from 'magic-string';

export function minifyCssText(text: string, atStart?: boolean, atEnd?: boolean, keepLines?: boolean): string;
export function minifyHtmlText(text: string): string;
export function minifyTemplateLiterals(code: string, id?: string, options?: { keepLines?: boolean }): MagicString | null;
export function minifyLiterals(): Plugin;
