// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-income-summary.js';
import { MonoIncomeSummary } from './mono-income-summary.js';

MonoIncomeSummary.define('mono-income-summary');
