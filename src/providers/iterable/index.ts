// Iterable: everything the extension knows about it, in this folder.
import { defineProvider } from '../define';
import { catalog } from './catalog';
import { site } from './site';

export const iterable = defineProvider({
  id: 'iterable',
  name: 'Iterable',
  hosts: ['app.iterable.com', 'app.eu.iterable.com'],
  site,
  catalog,
});
