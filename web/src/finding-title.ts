// A finding's title in the viewer's language: the API keeps the English title in `title` and the rules' Japanese
// wording in `details.titles.ja`.
import type { Language } from './i18n';

/** The parts of a finding the title comes from. */
export interface TitledFinding {
  title: string;
  details?: { titles?: Partial<Record<Language, unknown>> } | Record<string, unknown>;
}

/** The title in `language` when the finding has one, else the English title. */
export function findingTitle(f: TitledFinding, language: Language): string {
  const titles = (f.details as { titles?: Record<string, unknown> } | undefined)?.titles;
  const local = titles?.[language];
  return typeof local === 'string' && local !== '' ? local : f.title;
}
