// Registers every tag. Safe to load twice: an existing tag is left alone.
import './elements/provider/define.js';
import './elements/connect-button/define.js';
import './elements/account/define.js';
import './elements/statement/define.js';
import './elements/identity/define.js';
import './elements/transactions/define.js';
import './elements/income-summary/define.js';
import './elements/assets/define.js';
import './elements/earnings/define.js';
import './elements/sync-button/define.js';
