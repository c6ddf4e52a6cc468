/**
 * The tutorial's single math module: every number the site shows, at build
 * time and in the browser, comes from here. Pure functions, no DOM, no state.
 */
export * from './network';
export * from './training';
export * from './format';
export * from './quantity';
