// HubSpot: the History tab of a workflow with a "Send a webhook" action.
import { hostIn, NO_EDITOR, type SelectorCheck, type SiteAdapter } from './types';

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  provider: 'hubspot',
  matchesHost: hostIn('app.hubspot.com', 'app-eu1.hubspot.com'),
  rows: '[data-test-id="workflow-history-table"] [role="row"]',
  statusCells: '',
  ignore: '',
  // The webhook action's editor is not modelled yet: the generic field finder covers it.
  editor: NO_EDITOR,
};

/** Fixture pages and counts (a function, so the content-script bundle drops it). */
export const hubspotSelectorChecks = (): SelectorCheck[] => [
  // One header row plus nine events.
  { name: 'rows', selector: hubspot.rows, fixture: 'hubspot/workflow-history.html', count: 10 },
];
