import { runGoldenTests } from '../golden.case.js';
import { rwsFormat } from './index.js';

runGoldenTests(rwsFormat, new URL('./testdata/', import.meta.url));
