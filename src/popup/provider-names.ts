// Display names of the ESPs, as their makers write them.
import type { ProviderId } from '../engine/types';

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  klaviyo: 'Klaviyo',
  braze: 'Braze',
  customerio: 'Customer.io',
  hubspot: 'HubSpot',
  iterable: 'Iterable',
};
