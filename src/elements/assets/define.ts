import { MonoAssets } from './mono-assets.js';

MonoAssets.define('mono-assets');
