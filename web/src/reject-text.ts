// Why a file or a record was rejected, in the viewer's language: the server sends the reason's stable code and
// parameters beside its English text, and the texts of both languages come from the formats' own tables.
import { reasonText, type ReasonJson } from '../../src/formats/shared/reject-reason';
import { currentLanguage } from './i18n';

export type { ReasonJson };

/** The text of a reason in the shown language; the English text when the server sent no code (older imports). */
export function rejectText(english: string, why: ReasonJson | undefined): string {
  return why ? reasonText(why, currentLanguage()) : english;
}
