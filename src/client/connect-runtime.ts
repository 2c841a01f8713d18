// What a lone connect button's client loads with its first request, as one chunk: the transport and the
// initiate/exchange parsers are always needed together.
export { send, withSignal } from './transport.js';
export { parseExchange, parseInitiation } from '../model/connect.js';
