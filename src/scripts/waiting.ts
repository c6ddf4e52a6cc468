/**
 * How an island off the screen says it is waiting (src/islands/near-screen.ts):
 * while its `astro-island` carries this attribute, the page script keeps the `data-q` numbers
 * inside it, as it does for an island not yet hydrated.
 */
export const WAITING_ATTRIBUTE = 'data-waiting';
