// Drives castad's page in Debian's Chromium as a person would: the key asked for (a wrong one first), the form
// filled, three photos chosen, one removed and two swapped, Generate pressed from the keyboard, the page
// reloaded mid-pipeline, the video played. Prints one line, RESULT {...}, with what the person saw; the
// JUnit test (LivePageBrowserIT) asserts on it and on the API.
//
// env: CASTAD_PAGE_URL, CASTAD_API_KEY, CASTAD_PHOTOS (three paths, comma-separated), CASTAD_SCREENSHOTS (a
// directory), CASTAD_NODE_TOOLS (where ./castad test installed playwright-core), CASTAD_CHROMIUM (optional)

import path from 'node:path';
import { cards, enterKey, env, inChromium } from './browser.mjs';

const STORE = 'Haneul Bakery';
const photos = env('CASTAD_PHOTOS').split(',');
const shots = env('CASTAD_SCREENSHOTS');

await inChromium(async (page, seen) => {
  // every time the page asks for the key, across reloads
  seen.keyPrompts = 0;
  await page.exposeFunction('keyAsked', () => { seen.keyPrompts++; });
  await page.addInitScript(() => {
    const showModal = HTMLDialogElement.prototype.showModal;
    HTMLDialogElement.prototype.showModal = function counted() {
      window.keyAsked();
      return showModal.call(this);
    };
  });
  await page.goto(env('CASTAD_PAGE_URL'));

  // the key: asked for at once (the gallery needs one); a wrong key is asked for again with a reason
  const dialog = await enterKey(page, 'not-a-key');
  await page.locator('#key-reason', { hasText: 'not known' }).waitFor();
  seen.wrongKeyReason = await page.locator('#key-reason').textContent();
  await enterKey(page, env('CASTAD_API_KEY'));
  await dialog.waitFor({ state: 'hidden' });

  // an empty form is refused on the page, naming what is missing
  await page.getByRole('button', { name: 'Generate' }).click();
  seen.emptyFormMessages = [await page.locator('#storeName-error').textContent(),
    await page.locator('#photos-error').textContent()];

  await page.getByLabel('Store name').fill(STORE);
  await page.getByLabel('Region').fill('Jeju');
  await page.getByLabel('Address').fill('12 Harbor Road');
  await page.getByLabel('Description').fill('Tangerine bread and sea-salt rolls, baked at dawn');
  await page.getByLabel('Language of the song').selectOption('en');
  await page.getByLabel(/Choose photos/).setInputFiles(photos);
  const names = photos.map((file) => path.basename(file));
  await page.getByRole('button', { name: `Remove ${names[2]}` }).click();
  await page.getByRole('button', { name: `Move ${names[1]} earlier` }).click();
  seen.photoOrder = await page.locator('#photo-list img').evaluateAll((images) => images.map((image) => image.alt));
  seen.limits = await page.locator('#photo-limits').textContent();

  // Generate from the keyboard: Tab from the top of the page (a click on the title starts the focus order
  // there) until it has the focus, then Enter
  await page.getByRole('heading', { name: 'castad', level: 1 }).click();
  seen.tabsToGenerate = -1;
  for (let tabs = 1; tabs <= 60; tabs++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'generate')) {
      seen.tabsToGenerate = tabs;
      break;
    }
  }
  if (seen.tabsToGenerate < 0) {
    throw new Error('Generate cannot be reached with the Tab key');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/#task=/, { timeout: 60_000 });
  seen.taskId = new URL(page.url()).hash.replace('#task=', '');

  // a reload while it runs: no new question for the key, the timeline is replayed and followed again
  await page.locator('[data-step="LYRIC"][data-status="done"]').waitFor({ timeout: 120_000 });
  const promptsBeforeReload = seen.keyPrompts;
  await page.reload();
  await page.locator('[data-step="LYRIC"][data-status="done"]').waitFor({ timeout: 30_000 });
  seen.keyAskedAfterReload = seen.keyPrompts > promptsBeforeReload || await dialog.isVisible();

  await page.locator('#result-video[src]').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('#result-video').readyState >= 1, null, { timeout: 30_000 });
  await page.locator('#pipeline-outcome.ok').waitFor({ timeout: 30_000 });
  await page.locator('#gallery-items li', { hasText: STORE }).first().waitFor({ timeout: 30_000 });
  seen.cards = await cards(page);
  seen.videoSrc = await page.locator('#result-video').getAttribute('src');
  seen.videoDuration = await page.locator('#result-video').evaluate((video) => video.duration);
  seen.songSrc = await page.locator('#result-song').getAttribute('src');
  seen.videoDownload = await page.locator('#video-download').getAttribute('href');
  seen.lyrics = await page.locator('#lyrics-text').textContent();
  seen.outcome = await page.locator('#pipeline-outcome').textContent();
  seen.galleryFirst = await page.locator('#gallery-items li strong').first().textContent();
  await page.screenshot({ path: path.join(shots, 'live-page.png'), fullPage: true });

  // a phone: nothing wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  seen.phoneOverflowPx = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: path.join(shots, 'live-page-phone.png'), fullPage: true });
});
