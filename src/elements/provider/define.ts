import { MonoProvider } from './mono-provider.js';

MonoProvider.define('mono-provider');
