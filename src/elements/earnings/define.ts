import { MonoEarnings } from './mono-earnings.js';

MonoEarnings.define('mono-earnings');

declare global {
  interface HTMLElementTagNameMap {
    'mono-earnings': MonoEarnings;
  }
}
