import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { assertTimeZone, formatIsoWeek, parseIsoWeek } from '../../local/analytics/report/week';
import { collectWeeklyReport, renderWeeklyReport } from '../../local/analytics/report/weekly-report';

export interface ReportOptions {
  week?: string;
  timezone?: string;
  out?: string;
  pdf?: boolean;
}

/**
 * Writes the weekly HTML report for an ISO week from the local Parquet facts (AFTERDESK_DATA_DIR, default
 * .afterdesk/data) and prints the file's path; with `pdf`, also a PDF printed by Chromium beside it.
 */
export async function runReport(options: ReportOptions): Promise<number> {
  let week: ReturnType<typeof parseIsoWeek>;
  let timezone: string;
  try {
    if (!options.week) throw new Error('--week <YYYY-Www> is required, e.g. --week 2026-W47');
    week = parseIsoWeek(options.week);
    timezone = assertTimeZone(options.timezone ?? process.env.AFTERDESK_TIMEZONE ?? 'UTC');
    if (options.out !== undefined && !options.out.trim()) throw new Error('--out needs a file name');
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const dataDir = resolve(process.env.AFTERDESK_DATA_DIR ?? '.afterdesk/data');
  const out = resolve(options.out ?? `reports/afterdesk-${formatIsoWeek(week)}.html`);
  try {
    const html = renderWeeklyReport(await collectWeeklyReport(dataDir, week, timezone));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, html);
    console.log(out);
    if (options.pdf) {
      // Loaded only here: printing needs playwright-core and Debian's Chromium, which the HTML does not.
      const { printPdf } = await import('../../local/analytics/report/pdf');
      const pdf = `${out.replace(/\.html?$/i, '')}.pdf`;
      await printPdf(out, pdf);
      console.log(pdf);
    }
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}
