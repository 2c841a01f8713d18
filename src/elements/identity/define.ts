// The bare import stays in the .d.ts, so this entry alone brings the tag's and its events' global types.
import './mono-identity.js';
import { MonoIdentity } from './mono-identity.js';

MonoIdentity.define('mono-identity');
