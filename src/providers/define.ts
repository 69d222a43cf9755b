// The shape of one provider folder's definition: everything the extension knows about one ESP.
import type { ProviderLayer } from '../engine/catalog/types';
import type { SiteSelectors } from './site-adapter';

export interface ProviderDefinition<Id extends string = string> {
  /** Stable id: settings keys, messages, `--provider` on the command line. */
  id: Id;
  /** The name as its maker writes it. */
  name: string;
  /**
   * Hosts of its web app, as match-pattern host parts (`app.hubspot.com`, `*.braze.com`). The
   * manifest's host permissions and content-script matches are made from them.
   */
  hosts: readonly string[];
  /** Where its pages show log rows and the webhook editor. */
  site: SiteSelectors;
  /** Its layer over the catalog's generic advice: retry rules, steps, where to look, sources. */
  catalog: ProviderLayer;
}

/** Keeps the id's literal type, so the registry's ids make the ProviderId union. */
export function defineProvider<const Id extends string>(definition: ProviderDefinition<Id>): ProviderDefinition<Id> {
  return definition;
}
