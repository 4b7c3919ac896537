export { analyseSentiment, SENTIMENT_CLASSES, sentimentFeatures, warmSentimentModel } from './model';
export * from './types';
