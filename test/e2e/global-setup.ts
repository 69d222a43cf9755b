// Before any browser test: both browsers must be there, or the run stops with one line that says
// how to install the missing one (not a launcher's stack trace in every test file).
import { findBrowserOrExit } from '../../scripts/find-browser';

export default function checkBrowsers(): void {
  findBrowserOrExit('chromium');
  findBrowserOrExit('firefox');
}
