// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-connect-button.js';
import { MonoConnectButton } from './mono-connect-button.js';

MonoConnectButton.define('mono-connect-button');
