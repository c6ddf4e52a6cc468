/**
 * The DOM contract of a live number, whole (docs/dom-contract.md): the attributes, reading and
 * writing them, and rendering a number's text. Split in three so that each page loads only its
 * part: core.ts (reading and rendering: the page script's), write.ts (the attributes the build and islands write), notes.ts (the mistake notes').
 */
export * from './core';
export * from './notes';
export * from './write';
