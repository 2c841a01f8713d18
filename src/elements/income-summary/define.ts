import { MonoIncomeSummary } from './mono-income-summary.js';

MonoIncomeSummary.define('mono-income-summary');
