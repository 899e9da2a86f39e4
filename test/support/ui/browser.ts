import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium package (.ci/run installs it); no browser download. */
export const chromiumPath = process.env.STOREBRIDGE_CHROMIUM ?? '/usr/bin/chromium';

/** The launch flags issue 9 names, exactly. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Why the browser suite cannot run here, or null. Under CI a missing browser is a failure
 * (the suite must run there), elsewhere the suite is skipped with this reason printed.
 */
export function browserSkipReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `${chromiumPath} not found (apt-get install -y chromium, or set STOREBRIDGE_CHROMIUM)`;
  if (process.env.CI) throw new Error(`UI suite: ${reason}; CI must run it`);
  console.warn(`[storebridge tests] UI suite skipped: ${reason}`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export const artifactsDir = fileURLToPath(new URL('../../../test-artifacts/ui', import.meta.url));

/** Screenshots of an earlier run are gone, so the folder shows this run's pages only. */
export function clearScreenshots(): void {
  rmSync(artifactsDir, { recursive: true, force: true });
}

/** A full-page screenshot under test-artifacts/ui/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** axe-core's findings of impact serious or critical on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}
