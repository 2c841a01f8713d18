import { MonoEarnings } from './mono-earnings.js';

MonoEarnings.define('mono-earnings');
