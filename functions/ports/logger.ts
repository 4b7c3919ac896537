/** Where use cases note what happened: Powertools' Logger fits. Attributes never carry message text. */
export interface UseCaseLogger {
  info(message: string, ...attributes: Record<string, unknown>[]): void;
  warn(message: string, ...attributes: Record<string, unknown>[]): void;
  error(message: string, ...attributes: Record<string, unknown>[]): void;
}
