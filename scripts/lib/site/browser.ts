/**
 * Finding the browser the site's tests and screenshots drive: Debian's chromium, through
 * puppeteer-core (which downloads nothing). CHROMIUM_PATH overrides the lookup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

/** Launch options for puppeteer-core: headless, and without the sandbox (CI containers run as root). */
export const launchOptions = (executablePath: string) => ({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
