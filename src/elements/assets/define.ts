import { MonoAssets } from './mono-assets.js';

MonoAssets.define('mono-assets');

declare global {
  interface HTMLElementTagNameMap {
    'mono-assets': MonoAssets;
  }
}
