/**
 * The words of the subject keywords panel, counted the first time (a server just started, or a range or chip that
 * brings subjects not seen since): the top 20,000 subjects of the demo month's 30 days through subjectTerms, each
 * run in a fresh instance of its module (empty caches); reference: Intl.Segmenter over each whole subject, as the
 * panel split them before, in the same run. Also checks that both give the same words for every distinct subject.
 *   npx tsx bench/subject-terms.ts --runs 7
 */
import { keptWords, subjectText, type subjectTerms as SubjectTerms } from '../src/server/keywords/subject-terms.js';
import { openStore } from '../src/store/index.js';
import { benchDemoStore } from './demo-store.js';
import { arg, median, table } from './lib.js';

const runs = Number(arg('runs', '7'));
const { file } = await benchDemoStore();
const store = await openStore(`duckdb:${file}`);
const read = async (sql: string) => (await store.query(sql)).rows.map((r) => String(r[0]));
const top = await read(`SELECT "Subject" FROM "MessageTraceDailySubjects" GROUP BY 1 ORDER BY sum("Rows") DESC, 1 LIMIT 20000`);
const all = await read(`SELECT DISTINCT "Subject" FROM "MessageTraceDailySubjects"`);
await store.close();

/** The panel's words of a subject as they were split before: the segmenter over the whole subject. */
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const whole = (subject: string) => [
  ...new Set(keptWords([...segmenter.segment(subjectText(subject))].filter((s) => s.isWordLike).map((s) => s.segment))),
];
/** subjectTerms of a new instance of its module: nothing remembered yet. */
const fresh = async (i: number) =>
  ((await import(`../src/server/keywords/subject-terms.js?run=${i}`)) as { subjectTerms: typeof SubjectTerms }).subjectTerms;

const times = { whole: [] as number[], now: [] as number[] };
for (let i = 0; i < runs; i++) {
  let t0 = performance.now();
  for (const s of top) whole(s);
  times.whole.push(performance.now() - t0);
  const terms = await fresh(i);
  t0 = performance.now();
  for (const s of top) terms(s);
  times.now.push(performance.now() - t0);
}
const terms = await fresh(runs);
const differing = all.filter((s) => terms(s).join('\u0000') !== whole(s).join('\u0000'));

console.log(`${top.length.toLocaleString('en-US')} subjects (the top of 30 days), median of ${runs}:\n`);
const w = median(times.whole);
const n = median(times.now);
console.log(
  table(
    ['split', 'first time', 'ratio'],
    [
      ['each whole subject through Intl.Segmenter (reference)', `${Math.round(w)} ms`, '1.00x'],
      ['subjectTerms: cut at spaces and marks, pieces remembered', `${Math.round(n)} ms`, `${(n / w).toFixed(2)}x`],
    ],
  ),
);
console.log(`\n${all.length.toLocaleString('en-US')} distinct subjects of the month: ${differing.length} with other words`);
for (const s of differing.slice(0, 5)) console.log(`  ${JSON.stringify(s)}: ${JSON.stringify(whole(s))} / ${JSON.stringify(terms(s))}`);
