import { MonoIncomeSummary } from './mono-income-summary.js';

MonoIncomeSummary.define('mono-income-summary');

declare global {
  interface HTMLElementTagNameMap {
    'mono-income-summary': MonoIncomeSummary;
  }
}
