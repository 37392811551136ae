/**
 * What the banner loads at the agent's first action, as one part: the two writes (Acknowledge,
 * Request callback) and the full history. Each alone is too small to be worth a request of its own.
 */
export { act } from './baggage-banner.actions.js';
export { renderHistory } from './baggage-banner.history.js';
