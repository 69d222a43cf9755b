// The status-code detector as a pipeline part: the only one content.js carries from the start.
import { mayHaveStatusCode } from '../detect/shared/prefilter';
import { detectStatusCodes } from '../detect/status/status';
import { worthTesting, type TextDetector } from './pipeline';

export const STATUS_DETECTOR: TextDetector = {
  mayFind: worthTesting(mayHaveStatusCode),
  find: (text) => detectStatusCodes(text),
};
