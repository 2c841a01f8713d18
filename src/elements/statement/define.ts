// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-statement.js';
import { MonoStatement } from './mono-statement.js';

MonoStatement.define('mono-statement');
