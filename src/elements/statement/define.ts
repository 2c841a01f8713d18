import { MonoStatement } from './mono-statement.js';

MonoStatement.define('mono-statement');
