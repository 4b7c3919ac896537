import { redactPii } from '../../core/analytics/pii';
import type { PiiInput, PiiRedaction } from '../../ports/pii-redaction';

/** Pattern-based redaction (emails, phones, cards, IBANs) in process: the local adapter, and the cloud's first pass. */
export class PatternPiiRedaction implements PiiRedaction {
  async redact(inputs: readonly PiiInput[]): Promise<string[]> {
    return inputs.map((input) => redactPii(input.text).text);
  }
}
