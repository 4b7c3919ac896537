import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.AFTERDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Prints an HTML file to PDF (A4) with headless Chromium through playwright-core, offline. */
export async function printPdf(htmlFile: string, pdfFile: string): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `--pdf needs Chromium at ${CHROMIUM} (apt-get install -y chromium, or set AFTERDESK_CHROMIUM)`,
    );
  }
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('--pdf needs the playwright-core package (a dev dependency): npm install');
  }
  const profile = await mkdtemp(join(tmpdir(), 'afterdesk-pdf-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm' },
    });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
