// The adapter for pages no site file knows (user-added domains, new ESP layouts): no selectors,
// so the text-anchored scanner and the generic field finder do all the work.
import { NO_EDITOR, type SiteAdapter } from './types';

export const generic: SiteAdapter = {
  id: 'generic',
  provider: null,
  matchesHost: () => true,
  rows: '',
  statusCells: '',
  ignore: '',
  editor: NO_EDITOR,
};
