/**
 * Rasterises a preview SVG to PNG at build time with sharp (libvips and librsvg), which Astro
 * already installs for its image service. Text is drawn with KaTeX's own TrueType fonts, found
 * through a fontconfig file of our own, so the picture does not depend on the fonts a machine has.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, previewSvg, type PreviewCard } from './card';

let fontsReady = false;

/**
 * Points fontconfig at KaTeX's fonts (and only those). It reads FONTCONFIG_FILE when it first
 * loads, which is at the first text sharp draws: so this runs before sharp is imported.
 */
function useKatexFonts(): void {
  if (fontsReady) return;
  const fonts = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist', 'fonts');
  const folder = join(tmpdir(), 'backprop-preview-fonts');
  mkdirSync(folder, { recursive: true });
  const config = join(folder, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fonts}</dir><cachedir>${join(folder, 'cache')}</cachedir></fontconfig>\n`,
  );
  process.env['FONTCONFIG_FILE'] = config;
  fontsReady = true;
}

/** The PNG bytes of a page's preview picture (1200 × 630). */
export async function previewPng(card: PreviewCard): Promise<Uint8Array<ArrayBuffer>> {
  useKatexFonts();
  const { default: sharp } = await import('sharp');
  const png = await sharp(Buffer.from(previewSvg(card)))
    .resize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
  return new Uint8Array(png);
}
