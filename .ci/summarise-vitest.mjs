// vitest prints no "N passed, N failed" line; CI needs exactly that, so derive it from the JSON report.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const failedSuites = (report.testResults ?? []).filter(
  (suite) => suite.status === 'failed' && suite.assertionResults?.length === 0,
).length;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + failedSuites} failed`);
