// The ESPs the extension knows. Adding one: a folder beside this file (see klaviyo/) and one line
// here. Everything else (the ProviderId type, settings, names, manifest hosts) is made from this list.
import { braze } from './braze';
import { customerio } from './customerio';
import { hubspot } from './hubspot';
import { iterable } from './iterable';
import { klaviyo } from './klaviyo';

export const PROVIDERS = [klaviyo, braze, customerio, hubspot, iterable] as const;
