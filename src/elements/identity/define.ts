import { MonoIdentity } from './mono-identity.js';

MonoIdentity.define('mono-identity');
