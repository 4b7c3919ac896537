import { startLocalCall } from './local-call';

/** The local video chunk, loaded by the widget only when a call starts. */
(globalThis as { AfterdeskVideo?: unknown }).AfterdeskVideo = { start: startLocalCall };
