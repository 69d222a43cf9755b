// Braze: everything the extension knows about it, in this folder.
import { defineProvider } from '../define';
import { catalog } from './catalog';
import { site } from './site';

export const braze = defineProvider({
  id: 'braze',
  name: 'Braze',
  // Dashboards live on numbered clusters: dashboard-01.braze.com, dashboard-02.braze.eu, ...
  hosts: ['*.braze.com', '*.braze.eu'],
  site,
  catalog,
});
