// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-account.js';
import { MonoAccount } from './mono-account.js';

MonoAccount.define('mono-account');
