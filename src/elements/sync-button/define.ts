// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-sync-button.js';
import { MonoSyncButton } from './mono-sync-button.js';

MonoSyncButton.define('mono-sync-button');
