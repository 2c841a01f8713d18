import { MonoAccount } from './mono-account.js';

MonoAccount.define('mono-account');
