// A made-up ESP, "Acme Mail", written exactly as a real provider folder under src/providers/ is.
// providers-add-one.test.ts adds it to the registry with one line and checks it end to end.
import { defineProvider } from '../../../src/providers/define';
import { catalog } from './catalog';
import { site } from './site';

export const acme = defineProvider({
  id: 'acme',
  name: 'Acme Mail',
  hosts: ['app.acme-mail.example', '*.acme-mail.eu'],
  site,
  catalog,
});
