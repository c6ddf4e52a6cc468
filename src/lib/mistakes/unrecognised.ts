/**
 * What the report says of a wrong cell that no known mistake explains. Not a
 * rule: it is what is left when every rule has looked.
 */
import { list } from './words';
import type { Wording } from './rule';

/** The words for a wrong value the checker cannot name. */
export const UNRECOGNISED: Wording = {
  title: 'A wrong value the checker cannot name',
  short: 'unrecognised mistake',
  explain: (seen) =>
    `${list(seen.cells)}: the value differs from the correct one and matches none of the common mistakes. Compare the formula there with the one in the table below.`,
};
