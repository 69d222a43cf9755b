// Entry of content-extras.js: registers the extras for content.js in the same isolated world.
// Injected by the worker on request, after content.js; running it twice just registers again.
import { contentExtras } from './extras';
import { registerExtras } from './runtime/extras-api';

registerExtras(contentExtras);
