import { MonoConnectButton } from './mono-connect-button.js';

MonoConnectButton.define('mono-connect-button');
