// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-earnings.js';
import { MonoEarnings } from './mono-earnings.js';

MonoEarnings.define('mono-earnings');
