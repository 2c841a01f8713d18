import { MonoSyncButton } from './mono-sync-button.js';

MonoSyncButton.define('mono-sync-button');

declare global {
  interface HTMLElementTagNameMap {
    'mono-sync-button': MonoSyncButton;
  }
}
