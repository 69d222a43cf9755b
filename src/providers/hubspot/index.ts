// HubSpot: everything the extension knows about it, in this folder.
import { defineProvider } from '../define';
import { catalog } from './catalog';
import { site } from './site';

export const hubspot = defineProvider({
  id: 'hubspot',
  name: 'HubSpot',
  hosts: ['app.hubspot.com', 'app-eu1.hubspot.com'],
  site,
  catalog,
});
