import { MonoConnectButton } from './mono-connect-button.js';

MonoConnectButton.define('mono-connect-button');

declare global {
  interface HTMLElementTagNameMap {
    'mono-connect-button': MonoConnectButton;
  }
}
