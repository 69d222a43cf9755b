// Klaviyo: everything the extension knows about it, in this folder.
import { defineProvider } from '../define';
import { catalog } from './catalog';
import { site } from './site';

export const klaviyo = defineProvider({
  id: 'klaviyo',
  name: 'Klaviyo',
  hosts: ['www.klaviyo.com'],
  site,
  catalog,
});
