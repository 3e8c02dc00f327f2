/** A reject reason of ingest's report in the CLI's language (the report keeps the English text beside the code). */
import { reasonText, type ReasonJson } from '../formats/index.js';
import { currentLanguage } from './messages.js';

/** The text of a reason: from its code in the CLI's language, else the English text it came with. */
export function rejectText(english: string, why: ReasonJson | undefined): string {
  return why ? reasonText(why, currentLanguage()) : english;
}
