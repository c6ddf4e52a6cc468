/**
 * How the page script tells islands that the page's state is no longer the one their server
 * HTML was rendered with (see hydrate-when-needed.ts): an attribute on <html> for islands
 * parsed later, and an event on window for those already waiting.
 */

/** Set on <html> once the state differs from the build's. */
export const STALE_ATTRIBUTE = 'data-state-changed';

/** Dispatched on window when the state first differs from the build's. */
export const STALE_EVENT = 'tutorial:state-changed';
