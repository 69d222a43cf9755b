// The one import of webextension-polyfill: unit tests alias the package to an in-memory fake.
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
