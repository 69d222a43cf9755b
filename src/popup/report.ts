// The "Copy report" text: a Markdown summary of a tab's findings to paste into a ticket or chat.
// Everything that came from the page (URLs, row samples, excerpts) goes through the secret
// redactor, and URLs lose their query and fragment, which often carry tokens.
import { redactSecretsInText } from '../engine/redact';
import { plural, t } from '../shared/i18n';
import type { TabFindings } from '../shared/messages';
import { countLabel, displayGroups, type DisplayGroup } from './display-groups';
import { providerName } from '../providers';

/** A URL without query string or fragment, redacted; the raw text redacted when it is no URL. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return redactSecretsInText(`${parsed.origin}${parsed.pathname}`);
  } catch {
    return redactSecretsInText(url);
  }
}

/** A fenced block that no backtick run inside the text can close early. */
function codeBlock(lines: readonly string[]): string {
  const body = lines.join('\n');
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${body}\n${fence}`;
}

function groupSection(group: DisplayGroup, index: number): string {
  const { diagnosis } = group;
  const parts = [`## ${index + 1}. ${diagnosis.title} (${countLabel(group.rows, group.fields)})`];
  if (diagnosis.meaning) parts.push(t('reportWhatItMeans', { meaning: diagnosis.meaning }));
  if (diagnosis.retry.text) parts.push(`${t('cardWillRetry')} ${diagnosis.retry.text}`);
  if (diagnosis.whereToLook) parts.push(`${t('cardWhereToLook')} ${diagnosis.whereToLook}`);
  if (diagnosis.steps.length > 0) {
    parts.push([t('reportHowToFix'), ...diagnosis.steps.map((step, i) => `${i + 1}. ${step}`)].join('\n'));
  }
  if (group.samples.length > 0) {
    parts.push(`${t('reportSeenIn')}\n${codeBlock(group.samples.map((sample) => redactSecretsInText(sample)))}`);
  }
  return parts.join('\n\n');
}

function totals(groups: readonly DisplayGroup[]): string {
  const rows = groups.reduce((sum, g) => sum + g.rows, 0);
  const fields = groups.reduce((sum, g) => sum + g.fields, 0);
  return t('reportFound', { kinds: plural('reportKinds', groups.length), where: countLabel(rows, fields) });
}

export function buildReport(tab: TabFindings): string {
  const groups = displayGroups(tab);
  const header = [`# ${t('reportHeading')}`, ''];
  if (tab.url) header.push(`- ${t('reportPage', { url: safeUrl(tab.url) })}`);
  if (tab.provider) header.push(`- ${t('reportProvider', { name: providerName(tab.provider) })}`);
  if (tab.endpointUrl) header.push(`- ${t('reportDestination', { url: safeUrl(tab.endpointUrl) })}`);
  header.push(`- ${groups.length > 0 ? totals(groups) : t('reportFoundNothing')}`);
  const sections = groups.map(groupSection);
  return [header.join('\n'), ...sections].join('\n\n') + '\n';
}
