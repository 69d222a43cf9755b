// HubSpot: the History tab of a workflow with a "Send a webhook" action.
import type { SelectorPages } from '../selector-pages';
import { NO_SELECTORS, type SiteSelectors } from '../site-adapter';

export const site: SiteSelectors = {
  rows: ['[data-test-id="workflow-history-table"] [role="row"]'],
  statusCells: [],
  ignore: [],
  // The webhook action's editor is not modelled yet: the generic field finder covers it.
  editor: NO_SELECTORS.editor,
};

/** Each alternative's fixture pages and counts; its other pages must match nothing. */
export const selectorPages = (): SelectorPages => ({
  // One header row plus nine events.
  '[data-test-id="workflow-history-table"] [role="row"]': { 'hubspot/workflow-history.html': 10 },
});
