/**
 * Where a call's media flows. Chime SDK meetings host media in these regions (the control region, where
 * the API and its events live, is separate). The seller lists the ones its data may use (data residency);
 * each call takes the allowed region nearest the shopper.
 */
export const CHIME_MEDIA_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'af-south-1',
  'il-central-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;
export type ChimeMediaRegion = (typeof CHIME_MEDIA_REGIONS)[number];

export function isChimeMediaRegion(value: string): value is ChimeMediaRegion {
  return (CHIME_MEDIA_REGIONS as readonly string[]).includes(value);
}

type Area = 'na' | 'latam' | 'eu' | 'mideast' | 'africa' | 'india' | 'sea' | 'eastasia' | 'oceania';

/** Regions by distance from each area, nearest first; every list ends far away so any allowed region ranks. */
const NEAREST: Readonly<Record<Area, readonly ChimeMediaRegion[]>> = {
  na: ['us-east-1', 'us-east-2', 'ca-central-1', 'us-west-2', 'us-west-1', 'sa-east-1', 'eu-west-1'],
  latam: ['sa-east-1', 'us-east-1', 'us-east-2', 'us-west-2', 'us-west-1', 'ca-central-1', 'eu-south-1'],
  eu: [
    'eu-central-1',
    'eu-west-1',
    'eu-west-3',
    'eu-west-2',
    'eu-south-1',
    'eu-north-1',
    'il-central-1',
    'us-east-1',
  ],
  mideast: ['il-central-1', 'eu-south-1', 'eu-central-1', 'ap-south-1', 'eu-west-3', 'af-south-1'],
  africa: ['af-south-1', 'eu-south-1', 'eu-west-3', 'il-central-1', 'eu-central-1', 'eu-west-1'],
  india: ['ap-south-1', 'ap-southeast-1', 'il-central-1', 'ap-east-1', 'eu-central-1'],
  sea: ['ap-southeast-1', 'ap-east-1', 'ap-south-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2'],
  eastasia: ['ap-northeast-1', 'ap-northeast-2', 'ap-east-1', 'ap-southeast-1', 'us-west-2', 'us-west-1'],
  oceania: ['ap-southeast-2', 'ap-southeast-1', 'ap-northeast-1', 'us-west-2', 'us-west-1'],
};

const AREA_OF: Readonly<Record<string, Area>> = Object.fromEntries(
  (
    [
      ['na', 'US CA'],
      ['latam', 'MX BR AR CL CO PE EC UY PY BO VE CR PA GT HN SV NI DO CU PR JM'],
      [
        'eu',
        'GB IE FR DE NL BE LU CH AT IT ES PT PL CZ SK HU SI HR RO BG GR DK SE NO FI IS EE LV LT UA RU RS BA ME MK AL MT CY TR',
      ],
      ['mideast', 'IL AE SA QA KW BH OM JO LB IQ IR EG YE SY PS'],
      ['africa', 'ZA NG KE GH MA DZ TN ET TZ UG CI SN CM AO ZW ZM MZ BW NA'],
      ['india', 'IN PK BD LK NP'],
      ['sea', 'SG MY ID TH VN PH KH LA MM BN'],
      ['eastasia', 'JP KR CN HK TW MO MN'],
      ['oceania', 'AU NZ FJ PG'],
    ] as const
  ).flatMap(([area, codes]) => codes.split(' ').map((code) => [code, area])),
);

/**
 * The allowed region nearest a shopper's country (ISO 3166-1 alpha-2). An unknown country, or one whose
 * nearby regions are all disallowed, gets the seller's first allowed region: residency beats latency.
 */
export function chooseMediaRegion(
  country: string | undefined,
  allowed: readonly ChimeMediaRegion[],
): ChimeMediaRegion {
  const [first] = allowed;
  if (!first) throw new RangeError('at least one media region must be allowed');
  const area = country ? AREA_OF[country.toUpperCase()] : undefined;
  if (!area) return first;
  return NEAREST[area].find((region) => allowed.includes(region)) ?? first;
}
