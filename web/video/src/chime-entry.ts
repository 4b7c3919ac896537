import { startChimeCall } from './chime-call';

/** The Chime video chunk (amazon-chime-sdk-js, ~300 KB gzipped), loaded only when a cloud call starts. */
(globalThis as { AfterdeskVideo?: unknown }).AfterdeskVideo = { start: startChimeCall };
