import { runGoldenTests } from '../golden.case.js';
import { trackingLogFormat } from './index.js';

runGoldenTests(trackingLogFormat, new URL('./testdata/', import.meta.url));
