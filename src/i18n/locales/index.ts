// Every catalogue besides the built-in English, for `registerMessages(tag, catalogue)`.
export { fr } from './fr.js';
