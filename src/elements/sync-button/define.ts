import { MonoSyncButton } from './mono-sync-button.js';

MonoSyncButton.define('mono-sync-button');
