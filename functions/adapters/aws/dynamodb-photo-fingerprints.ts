import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PhotoSighting } from '../../core/photos/evidence';
import { hashDistance } from '../../core/photos/refusals';
import type { PhotoFingerprints } from '../../ports/photo-fingerprints';

const BANDS = 4;
/** Sightings per band read back: a hash band shared by more photos than this is not a useful signal. */
const PER_BAND = 50;

/**
 * Near-duplicate search with DynamoDB queries only: the 64-bit hash is cut into four 16-bit bands and
 * each sighting is filed under all four. Two hashes within 3 bits always share a band (pigeonhole), and
 * the candidates a band returns are checked with the real Hamming distance.
 */
export class DynamoDbPhotoFingerprints implements PhotoFingerprints {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async remember(sighting: PhotoSighting, maxDistance: number): Promise<PhotoSighting[]> {
    const bands = Array.from({ length: BANDS }, (_, index) => bandKey(sighting.fingerprint, index));
    const found = new Map<string, PhotoSighting>();
    const pages = await Promise.all(
      bands.map((pk) =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ScanIndexForward: false,
            Limit: PER_BAND,
          }),
        ),
      ),
    );
    for (const item of pages.flatMap((page) => page.Items ?? [])) {
      const seen = item.sighting as PhotoSighting | undefined;
      if (!seen || seen.key === sighting.key) continue;
      if (hashDistance(seen.fingerprint, sighting.fingerprint) <= maxDistance) found.set(seen.key, seen);
    }
    await Promise.all(
      bands.map((pk) =>
        this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { pk, sk: `${sighting.at}#${sighting.key}`, type: 'photo_fingerprint', sighting },
          }),
        ),
      ),
    );
    return [...found.values()];
  }
}

function bandKey(fingerprint: string, index: number): string {
  return `PHOTOHASH#${index}#${fingerprint.slice(index * 4, index * 4 + 4)}`;
}
