// What the page's browser scripts share: Debian's Chromium through playwright-core, the key dialog, the result line.

import path from 'node:path';

export function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** Runs steps(page, seen) in a fresh headless Chromium, then prints RESULT {...seen} for the JUnit test. */
export async function inChromium(steps) {
  const { chromium } = await import(path.join(env('CASTAD_NODE_TOOLS'), 'node_modules', 'playwright-core', 'index.mjs'));
  const seen = { pageErrors: [] };
  const browser = await chromium.launch({
    executablePath: process.env.CASTAD_CHROMIUM || '/usr/bin/chromium',
    // without the background-networking flags Chromium keeps calling Google's hosts, which this machine refuses
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && !/Failed to load resource/.test(message.text())
      && seen.pageErrors.push(message.text()));
    await steps(page, seen);
  } finally {
    await browser.close();
  }
  console.log(`RESULT ${JSON.stringify(seen)}`);
}

/** The key dialog, which the page opens on its first call that needs a key. */
export async function enterKey(page, key) {
  const dialog = page.getByRole('dialog', { name: 'Your API key' });
  await dialog.waitFor();
  await dialog.getByLabel('API key').fill(key);
  await dialog.getByRole('button', { name: 'Use this key' }).click();
  return dialog;
}

export function cards(page) {
  return page.locator('#stage-cards .card').evaluateAll((list) => list.map((card) => ({
    step: card.dataset.step, status: card.dataset.status, text: card.innerText,
  })));
}
