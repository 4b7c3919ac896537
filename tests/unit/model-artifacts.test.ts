import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { intentFeatures } from '../../functions/core/nlu/intent-features';
import { INTENT_IDS } from '../../functions/core/nlu/intent-ids';
import { classifyIntent } from '../../functions/core/nlu/intents';
import { unpackNaiveBayes, unpackSoftmax } from '../../functions/core/nlu/model-format';
import { rankWithTemperature, scoreNaiveBayes, scoreSoftmax } from '../../functions/core/nlu/naive-bayes';
import { ArtifactFormatError, decodeArtifact, encodeArtifact } from '../../models/artifact';
import { artifactState } from '../../models/build';
import { ModelDataError, readDataFile, readHeldOutIntents } from '../../models/data';
import { loadArtifact } from '../../models/load';
import { MODELS } from '../../models/registry';
import { IntentDataSchema } from '../../models/schemas';

const HASH = 'a'.repeat(64);

describe('model artifacts', () => {
  it('every registered model has an artifact trained from its current data and code', () => {
    const states = MODELS.map((entry) => ({ model: entry.name, state: artifactState(entry) }));
    // When this fails: run `npm run build:models` and commit models/artifacts.
    expect(states).toEqual(MODELS.map((entry) => ({ model: entry.name, state: 'fresh' })));
  });

  it('calls an artifact stale when the inputs it was trained from differ', () => {
    const intent = MODELS.find((entry) => entry.name === 'intent');
    expect(intent).toBeDefined();
    if (!intent) return;
    expect(artifactState({ ...intent, inputs: [...intent.inputs, 'models/data/heldout-intents.json'] })).toBe(
      'stale',
    );
    expect(artifactState({ ...intent, name: 'no-such-model' })).toBe('missing');
  });

  it('predicts every held-out sentence as the freshly trained model does', () => {
    const intent = MODELS.find((entry) => entry.name === 'intent');
    if (!intent) throw new Error('no intent model registered');
    const fresh = intent.train();
    const bayes = unpackNaiveBayes(fresh, 'bayes', INTENT_IDS);
    // Unquantised weights, as training left them: the shipped artifact rounds them to 8 bits.
    const softmax = unpackSoftmax(fresh, 'softmax', bayes);
    const disagreements = readHeldOutIntents().filter((example) => {
      const features = intentFeatures(example.text);
      const scores = scoreNaiveBayes(bayes, features);
      if (scores.knownFeatures === 0) return classifyIntent(example.text).intent !== 'other';
      const logits = scoreSoftmax(softmax, features).logScores;
      const temperature = Math.max(1, scores.knownFeatures / 6);
      const combined = scores.logScores.map((score, i) => score / temperature + (logits[i] ?? 0));
      const best = rankWithTemperature(bayes, combined, 1)[0]?.label;
      return best !== classifyIntent(example.text).intent;
    });
    expect(disagreements).toEqual([]);
  });

  it('loads the language and intent models by name', () => {
    expect(loadArtifact('language').name).toBe('language');
    expect(loadArtifact('intent').sections['bayes.labels']).toEqual([...INTENT_IDS]);
    expect(() => loadArtifact('no-such-model')).toThrow(/no-such-model\.bin is missing.*build:models/);
  });
});

describe('artifact format', () => {
  it('round-trips every kind of section and the metadata', () => {
    const sections = {
      f64: Float64Array.from([Math.PI, -0]),
      f32: Float32Array.from([1.5, -2.25]),
      i32: Int32Array.from([-7, 2 ** 30]),
      u16: Uint16Array.from([65535]),
      u8: Uint8Array.from([1, 2, 3]),
      i16: Int16Array.from([-32768, 32767]),
      i8: Int8Array.from([-128, 127]),
      words: ['w:ship', 'g: 配送', 'b:my order', ''],
      empty: [] as string[],
    };
    const decoded = decodeArtifact(
      encodeArtifact({ name: 'demo', sourceHash: HASH, meta: { step: 0.5 }, sections }),
    );
    expect(decoded).toEqual({ name: 'demo', sourceHash: HASH, meta: { step: 0.5 }, sections });
  });

  it('rejects bytes that are not an artifact, and a truncated one, with a typed error', () => {
    expect(() => decodeArtifact(Buffer.from('not brotli at all'))).toThrow(ArtifactFormatError);
    const whole = encodeArtifact({
      name: 'x',
      sourceHash: HASH,
      meta: {},
      sections: { a: new Float64Array(64) },
    });
    const raw = brotliDecompressSync(whole);
    const cut = brotliCompressSync(raw.subarray(0, raw.byteLength - 100));
    expect(() => decodeArtifact(cut)).toThrow(/truncated/);
  });

  it('refuses strings it could not split again', () => {
    expect(() =>
      encodeArtifact({ name: 'x', sourceHash: HASH, meta: {}, sections: { s: ['a\u0000b'] } }),
    ).toThrow(ArtifactFormatError);
  });
});

describe('model data files', () => {
  it('names the file and the field that break the schema', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'afterdesk-model-data-'));
    const file = path.join(dir, 'xx.json');
    writeFileSync(
      file,
      JSON.stringify({ lang: 'en', examples: { track_ordr: ['where is it'] }, service: {} }),
    );
    expect(() => readDataFile(file, IntentDataSchema)).toThrow(ModelDataError);
    expect(() => readDataFile(file, IntentDataSchema)).toThrow(/xx\.json breaks its schema: examples/);
    writeFileSync(file, '{ not json');
    expect(() => readDataFile(file, IntentDataSchema)).toThrow(/xx\.json is not valid JSON/);
  });
});
