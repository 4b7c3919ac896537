export {
  analyseSentiment,
  explainSentiment,
  isKnownSentimentLanguage,
  type SentimentEvidence,
  sentimentLanguages,
  urgencyCues,
  warmSentimentModel,
} from './model';
export * from './types';
export { compareByUrgency, HIGH_AT, URGENT_AT, urgencyOf, urgencyOfResult } from './urgency';
