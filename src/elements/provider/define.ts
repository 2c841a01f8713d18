// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-provider.js';
import { MonoProvider } from './mono-provider.js';

MonoProvider.define('mono-provider');
