// Content-script entry: runs on ESP pages (and user-added domains) in every frame.
import { startContentScript } from './app';

startContentScript().catch(() => {
  // Never surface an error in the host page; a failed start just means no badges here.
});
