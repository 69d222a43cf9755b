// More platforms whose pages show webhook or destination errors, offered for one-click enabling.
// None is requested at install time: enabling one asks for its hosts' permission at that moment
// (optional_host_permissions), and its pages then get the generic scanner.
import { domainToPattern } from '../shared/settings';

export interface Platform {
  id: string;
  name: string;
  /** Where its errors show, in a few words (shown next to the button). */
  where: string;
  /** Dashboard hosts, as typed in "Your own domains". */
  hosts: readonly string[];
}

export const MORE_PLATFORMS: readonly Platform[] = [
  { id: 'segment', name: 'Segment', where: 'destination delivery errors and the event debugger', hosts: ['app.segment.com'] },
  { id: 'sfmc', name: 'Salesforce Marketing Cloud', where: 'Journey Builder activity and API event errors', hosts: ['*.exacttarget.com', '*.marketingcloudapps.com'] },
  { id: 'mailchimp', name: 'Mailchimp', where: 'webhook and integration settings', hosts: ['*.admin.mailchimp.com'] },
  { id: 'attentive', name: 'Attentive', where: 'webhook and integration logs', hosts: ['ui.attentivemobile.com'] },
  { id: 'sendgrid', name: 'Twilio SendGrid', where: 'Event Webhook settings and test results', hosts: ['app.sendgrid.com'] },
];

/** The match patterns of a platform's hosts. */
export function platformPatterns(platform: Platform): string[] {
  return platform.hosts.map((host) => domainToPattern(host)).filter((pattern): pattern is string => pattern !== null);
}

/** True when every host of the platform is already in the user's domains. */
export function platformEnabled(platform: Platform, customDomains: readonly string[]): boolean {
  return platformPatterns(platform).every((pattern) => customDomains.includes(pattern));
}
