// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-assets.js';
import { MonoAssets } from './mono-assets.js';

MonoAssets.define('mono-assets');
