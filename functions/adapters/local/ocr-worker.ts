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

/** The languages tried first: English plus the shopper's own script, never every script at once. */
export function ocrLanguagesFor(language: string | undefined): string[] {
  const script = language ? SCRIPT_DATA[language] : undefined;
  return script ? ['eng', script] : ['eng'];
}

const ALL_DATA = ['eng', ...Object.values(SCRIPT_DATA)];

/** Every language set ocrLanguagesFor can ask for: what a pool warmed for any shopper starts. */
export const OCR_LANGUAGE_SETS: string[][] = [
  ['eng'],
  ...Object.values(SCRIPT_DATA).map((code) => ['eng', code]),
];

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

interface PooledWorker {
  worker: Promise<Worker>;
  /** Recognitions on one worker run one after another. */
  queue: Promise<unknown>;
  lastUsed: number;
}

export interface OcrResult {
  text: string;
  /** 0..1, tesseract's mean word confidence. */
  confidence: number;
}

/**
 * OCR workers for the whole process, one per language set, each created once and kept: starting or
 * reinitialising a worker costs far more than a recognition, and shoppers' scripts interleave. Loaded
 * languages are exactly the ones asked for, because a loaded Thai or Chinese model turns Latin letters
 * ("M") into its own. At most `maxWorkers` stay alive (by default one per language set, each holding its
 * models); past that the least recently used one is stopped to make room.
 */
export class OcrWorkerPool {
  private readonly workers = new Map<string, PooledWorker>();
  private folder: Promise<string> | undefined;

  constructor(private readonly maxWorkers = OCR_LANGUAGE_SETS.length) {}

  recognise(image: Buffer, languages: string[]): Promise<OcrResult> {
    const entry = this.entry(languages);
    const run = entry.queue.then(async () => {
      entry.lastUsed = Date.now();
      if (image.length === 0) return { text: '', confidence: 0 };
      const { data } = await (await entry.worker).recognize(image);
      return { text: data.text, confidence: data.confidence / 100 };
    });
    entry.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts workers ahead of the first photo (a process that will read labels pays the start early). */
  async warm(languageSets: string[][] = [['eng']]): Promise<void> {
    await Promise.all(
      languageSets.map((languages) =>
        this.recognise(Buffer.alloc(0), languages).then(
          () => undefined,
          () => undefined,
        ),
      ),
    );
  }

  async stop(): Promise<void> {
    const entries = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(entries.map((entry) => terminate(entry)));
  }

  private entry(languages: string[]): PooledWorker {
    const key = languages.join('+');
    const known = this.workers.get(key);
    if (known) return known;
    if (this.workers.size >= this.maxWorkers) this.evictOldest();
    this.folder ??= languageFolder();
    const folder = this.folder;
    const worker = (async () => {
      const created = await createWorker(languages, OEM.LSTM_ONLY, {
        langPath: await folder,
        cacheMethod: 'none',
      });
      await created.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
      return created;
    })();
    const entry: PooledWorker = { worker, queue: worker.catch(() => undefined), lastUsed: Date.now() };
    // A worker that failed to start is forgotten, so the next photo tries again.
    worker.catch(() => {
      if (this.workers.get(key) === entry) this.workers.delete(key);
    });
    this.workers.set(key, entry);
    return entry;
  }

  private evictOldest(): void {
    const [key, oldest] = [...this.workers].sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0] ?? [];
    if (!key || !oldest) return;
    this.workers.delete(key);
    // Stopped once what it is reading is done.
    void terminate(oldest);
  }
}

async function terminate(entry: PooledWorker): Promise<void> {
  await entry.queue;
  const worker = await entry.worker.catch(() => undefined);
  await worker?.terminate();
}

/** The process's OCR workers: the local photo reader, the stack's shutdown and the benchmark share them. */
export const sharedOcrWorker = new OcrWorkerPool();
