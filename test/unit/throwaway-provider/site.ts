// Acme Mail's send log: one row per recipient, ending with the receiver's status.
import type { SiteSelectors } from '../../../src/providers/site-adapter';

export const site: SiteSelectors = {
  rows: ['.acme-send'],
  // A bare "403" has only its place in the row for context: read it as a status code.
  statusCells: ['.acme-sends .acme-result'],
  ignore: [],
  editor: {
    url: ['input[name="acme-webhook-url"]'],
    headerRow: [],
    headerName: [],
    headerValue: [],
    body: [],
  },
};
