// `tsx scripts/render-catalog.ts > FILE`: every diagnosis the catalog can render, one JSON line
// each: every status from 99 to 600, every problem and the unrecognized ones, each alone and with
// every provider and every receiving API (documented receiver errors included). Diffing two runs
// shows what a catalog change did to the words a user reads.
import { pathToFileURL } from 'node:url';
import { ENDPOINT_LAYERS, endpointFor, PROBLEM_ENTRIES, PROVIDER_LAYERS } from '../src/engine/catalog';
import { diagnose } from '../src/engine/diagnose';
import type { DiagnoseContext, Finding, FindingKind, ProviderId } from '../src/engine/types';

/** One URL each receiving API answers to (two for Poplar, whose mailing API differs). */
export const SAMPLE_ENDPOINT_URLS = [
  'https://api.heypoplar.com/v1/mailing/',
  'https://api.heypoplar.com/v1/audiences',
  'https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnop',
  'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ-0123456789',
  'https://hooks.zapier.com/hooks/catch/1/abc',
  'https://script.google.com/macros/s/AKfycbx/exec',
  'https://api.segment.io/v1/track',
  'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
  'https://acme.myshopify.com/admin/api/2025-01/customers.json',
  'https://api.hubapi.com/crm/v3/objects/contacts',
  'https://api.lob.com/v1/postcards',
  'https://api.airtable.com/v0/appABCDEF123456/Leads',
  'https://contoso.webhook.office.com/webhookb2/1f0e-a@2b3c/IncomingWebhook/deadbeefdeadbeef/9a8b',
  'https://hook.eu1.make.com/abcdefghijklmnop',
];

function finding(kind: FindingKind, code: number | null, problem: string | null, receiverError?: string): Finding {
  return { kind, code, problem, start: 0, end: 1, excerpt: 'x', ...(receiverError ? { detail: { receiverError } } : {}) };
}

function findings(): Finding[] {
  const codes = Array.from({ length: 502 }, (_, i) => 99 + i);
  return [
    ...codes.map((code) => finding('http', code, null)),
    ...PROBLEM_ENTRIES.map((entry) => finding(entry.kind, entry.likelyStatus ?? null, entry.id)),
    finding('rate-limit', 429, null),
    ...(['http', 'network', 'credential', 'json', 'rate-limit'] as const).map((kind) => finding(kind, null, 'not-in-the-catalog')),
  ];
}

export function* renderCatalog(): Generator<string> {
  const missing = ENDPOINT_LAYERS.filter((layer) => !SAMPLE_ENDPOINT_URLS.some((url) => endpointFor(url) === layer));
  if (missing.length > 0) throw new Error(`no sample URL for ${missing.map((layer) => layer.id).join(', ')}`);
  const providers: (ProviderId | undefined)[] = [undefined, ...(Object.keys(PROVIDER_LAYERS) as ProviderId[])];
  const urls: (string | undefined)[] = [undefined, ...SAMPLE_ENDPOINT_URLS];
  for (const provider of providers) {
    for (const endpointUrl of urls) {
      const ctx: DiagnoseContext = { ...(provider ? { provider } : {}), ...(endpointUrl ? { endpointUrl } : {}) };
      const documented = (endpointUrl && endpointFor(endpointUrl)?.errors) || [];
      const all = [...findings(), ...documented.map((error) => finding('http', error.status, null, error.id))];
      for (const item of all) yield JSON.stringify({ provider, endpointUrl, finding: item, diagnosis: diagnose(item, ctx) });
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of renderCatalog()) process.stdout.write(`${line}\n`);
}
