// Sharing a step: its preview page lands readers on the story at that step (and shows a link
// where the redirect is not followed); the card's "Share this step" sends that page's address
// through the share sheet on a phone and copies it on a desktop.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './chromium.ts';
import { builtSite } from './site.ts';
import { story } from './steps.ts';

const site = builtSite();
const step = story.steps.find((s) => s.id === 'tallat-musa')!;
const onStep = (page: Page, id: string) => page.waitForFunction((sid) => window.__story?.step === sid, id, { timeout: 20_000 });

let context: BrowserContext | undefined;
afterEach(() => context?.close());

/** The story on `step`, with navigator.share recording its calls instead of opening a sheet. */
async function storyOn(options: Parameters<typeof site.browser.newContext>[0]): Promise<Page> {
  context = await site.browser.newContext({ reducedMotion: 'reduce', ...options });
  await context.addInitScript(() => {
    const calls: ShareData[] = [];
    Object.assign(window, { __shared: calls });
    navigator.share = (data?: ShareData) => (calls.push(data ?? {}), Promise.resolve());
  });
  const page = await context.newPage();
  await page.goto(`${site.url}#${step.id}`);
  await onStep(page, step.id);
  return page;
}

const shareButton = (page: Page) => page.locator(`#${step.id}`).getByRole('link', { name: /^Share this step/ });

describe('a step’s preview page', () => {
  it('opens the story at that step', async () => {
    context = await site.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.url}s/${step.id}/`);
    await onStep(page, step.id);
    expect(new URL(page.url()).hash).toBe(`#${step.id}`);
  });

  it('shows a link to the story at that step, without JavaScript and where the redirect is not followed', async () => {
    context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // A browser that does not follow the redirect: the page as built, less its refresh.
    await page.route(`**/s/${step.id}/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
      await route.fulfill({ response, body });
    });
    await page.goto(`${site.url}s/${step.id}/`);
    const link = page.getByRole('link', { name: `Open the story at this step: ${step.date.label}` });
    await link.waitFor({ state: 'visible', timeout: 5_000 });
    expect(new URL(page.url()).pathname.endsWith(`/s/${step.id}/`)).toBe(true);
    expect(new URL((await link.getAttribute('href'))!, page.url()).href).toBe(`${site.url}#${step.id}`);
  });
});

describe('Share this step', () => {
  it('sends the step page through the share sheet on a phone', async () => {
    const page = await storyOn({ viewport: PHONE, isMobile: true, hasTouch: true });
    await shareButton(page).click();
    await page.waitForFunction(() => (window as unknown as { __shared: unknown[] }).__shared.length > 0);
    const [shared] = await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
    expect(shared).toEqual({ title: story.meta.title, text: `${step.date.label}: ${step.share}`, url: `${site.url}s/${step.id}/` });
  });

  it('copies the step page on a desktop, and says so', async () => {
    const page = await storyOn({ viewport: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
    await shareButton(page).click();
    await page.locator(`#${step.id}`).getByRole('status').getByText('Link copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}s/${step.id}/`);
    expect(await page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared)).toEqual([]);
  });
});
