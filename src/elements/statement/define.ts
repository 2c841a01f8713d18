import { MonoStatement } from './mono-statement.js';

MonoStatement.define('mono-statement');

declare global {
  interface HTMLElementTagNameMap {
    'mono-statement': MonoStatement;
  }
}
