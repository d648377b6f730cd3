#!/usr/bin/env node
// Renders the app icons (public/icons/*.png) from the SVGs with the system Chromium, so the PNGs
// the web app manifest needs never drift from the artwork: `node scripts/render-icons.mjs`.
// The outputs are committed; run this only after changing an SVG.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const ICONS = [
  { svg: 'public/favicon.svg', out: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/favicon.svg', out: 'public/icons/icon-512.png', size: 512 },
  { svg: 'public/icons/icon-maskable.svg', out: 'public/icons/icon-maskable-512.png', size: 512 },
  { svg: 'public/favicon.svg', out: 'public/icons/apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const svg = readFileSync(icon.svg, 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style>${svg}`,
    );
    await page.screenshot({ path: icon.out, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
