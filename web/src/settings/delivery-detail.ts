// Why a delivery failed, in the viewer's language: from the failure's code and parameters (the server keeps them beside
// its English detail), else the detail as the server wrote it (a success's `HTTP 200`, an older record).
import { deliveryFailureText, type DeliveryFailureJson } from '../../../src/alerts/delivery-failure';
import { currentLanguage } from '../i18n';

/** The text of a delivery's detail. */
export function deliveryDetail(d: { detail: string; failure?: DeliveryFailureJson }): string {
  return d.failure ? deliveryFailureText(d.failure, currentLanguage(), d.detail) : d.detail;
}
