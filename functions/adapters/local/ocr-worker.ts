import { mkdir, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/**
 * The shopper's language → the tesseract data package that reads its script. Latin-script languages
 * read with English data. Russian has no `@tesseract.js-data` package on npm, so Cyrillic labels are not
 * read locally; sizes printed in Latin letters and digits ("EU 44") still are.
 */
const SCRIPT_DATA: Record<string, string> = {
  zh: 'chi_sim',
  ja: 'jpn',
  ko: 'kor',
  ar: 'ara',
  th: 'tha',
};

export function ocrLanguagesFor(language: string | undefined): string[] {
  const script = language ? SCRIPT_DATA[language] : undefined;
  return script ? ['eng', script] : ['eng'];
}

const ALL_DATA = ['eng', ...Object.values(SCRIPT_DATA)];

/**
 * One worker takes one langPath, but each npm package ships its language in its own folder: a folder
 * of links to the packages' compact LSTM models ("best_int") lets one worker load any mix of them.
 */
async function languageFolder(): Promise<string> {
  const folder = join(tmpdir(), `afterdesk-ocr-${process.getuid?.() ?? 'user'}`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  for (const code of ALL_DATA) {
    const pkg = require(`@tesseract.js-data/${code}`) as { langPath: string };
    const source = join(pkg.langPath, '..', '4.0.0_best_int', `${code}.traineddata.gz`);
    await symlink(source, join(folder, `${code}.traineddata.gz`)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  return folder;
}

/**
 * One OCR worker for the whole process: starting one costs about a second, and labels are read one at
 * a time. Reading switches its languages only when a photo needs another script; calls queue behind
 * each other so a switch never lands in the middle of a recognition.
 */
export class SharedOcrWorker {
  private worker: Promise<Worker> | undefined;
  private languages = '';
  private queue: Promise<unknown> = Promise.resolve();

  recognise(image: Buffer, languages: string[]): Promise<{ text: string; confidence: number }> {
    const run = this.queue.then(() => this.run(image, languages));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the worker ahead of the first photo (a process that will read labels pays the second early). */
  warm(): Promise<void> {
    return this.recognise(Buffer.alloc(0), ['eng']).then(
      () => undefined,
      () => undefined,
    );
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.languages = '';
    if (worker) await (await worker).terminate();
  }

  private async run(image: Buffer, languages: string[]) {
    const wanted = languages.join('+');
    if (!this.worker) {
      this.worker = (async () =>
        createWorker(languages, OEM.LSTM_ONLY, { langPath: await languageFolder(), cacheMethod: 'none' }))();
      this.languages = wanted;
      const worker = await this.worker;
      await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
    }
    const worker = await this.worker;
    // Exactly the languages asked for: a loaded Thai or Chinese model turns Latin letters ("M") into its own.
    if (this.languages !== wanted) {
      await worker.reinitialize(wanted, OEM.LSTM_ONLY);
      await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
      this.languages = wanted;
    }
    if (image.length === 0) return { text: '', confidence: 0 };
    const { data } = await worker.recognize(image);
    return { text: data.text, confidence: data.confidence / 100 };
  }
}

/** The process's one OCR worker: the local photo reader and the benchmark share it. */
export const sharedOcrWorker = new SharedOcrWorker();
