// What the destination URL typed in an editor implies for the other fields. Imports only Poplar's
// URL tests and field list (not its advice text), which keeps the content-script bundle small.
import { isPoplarMailingApi, isPoplarUrl, POPLAR_MAILING_REQUIRED_FIELDS } from '../../engine/catalog/endpoints/poplar';

export interface EndpointRules {
  /** Body fields the call must carry. */
  requiredFields: readonly string[];
  /** True when only a production token works there (Poplar outside the Mailing API). */
  productionTokenOnly: boolean;
}

/** Rules of the API a webhook URL calls; null when the URL is not one the catalog knows. */
export function endpointRules(url: string | null | undefined): EndpointRules | null {
  if (!url || !isPoplarUrl(url)) return null;
  const mailing = isPoplarMailingApi(url);
  return { requiredFields: mailing ? POPLAR_MAILING_REQUIRED_FIELDS : [], productionTokenOnly: !mailing };
}
