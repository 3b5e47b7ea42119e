// Opens a task that has already failed, by its address (#task=...), as a person following a link would: the
// key is asked for, the timeline replayed, the failure told in plain words. Prints RESULT {...}.
//
// env: CASTAD_PAGE_URL (with #task=...), CASTAD_API_KEY, CASTAD_NODE_TOOLS, CASTAD_CHROMIUM (optional)

import { cards, enterKey, env, inChromium } from './browser.mjs';

await inChromium(async (page, seen) => {
  await page.goto(env('CASTAD_PAGE_URL'));
  await enterKey(page, env('CASTAD_API_KEY'));
  await page.locator('#pipeline-outcome.bad').waitFor({ timeout: 30_000 });
  seen.outcome = await page.locator('#pipeline-outcome').textContent();
  seen.cards = await cards(page);
  seen.resultsHidden = await page.locator('#results').isHidden() || await page.locator('#video-result').isHidden();
});
