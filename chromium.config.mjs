// @ts-check
/**
 * How the tests and the benchmark start Chromium on these machines: the system
 * browser (Debian's package) where it exists, with flags that keep it from
 * reaching for the network (no internet here) or the GPU.
 */

/** The system Chromium, or the path in CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for every Chromium the project starts. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
