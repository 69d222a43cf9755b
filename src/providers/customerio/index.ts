// Customer.io: everything the extension knows about it, in this folder.
import { defineProvider } from '../define';
import { catalog } from './catalog';
import { site } from './site';

export const customerio = defineProvider({
  id: 'customerio',
  name: 'Customer.io',
  hosts: ['fly.customer.io', 'fly-eu.customer.io'],
  site,
  catalog,
});
