// Issue 8, points 2 and 3: credential mistakes by *position* (where a credential travels) and by
// *form* (what stands where the key should be), in a report of what was sent and in a guide that
// tells the reader what to put there. Forms and positions follow the vendors' own docs (SendGrid,
// Mailgun, Postmark, Klaviyo, Stripe, Twilio, Slack) and the clients people paste (curl, fetch,
// axios, requests, Guzzle, .NET HttpClient). Every cell not listed under KNOWN_GAPS is asserted.
import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';

type Kind = 'placeholder-token' | 'masked-token';

const FORMS = {
  'a described key': 'YOUR_API_KEY',
  'an angle-bracket blank': '<your_api_key>',
  'a run of x': 'xxxxxxxxxxxxxxxx',
  'a fill-in word': 'REPLACE_ME',
  'a default password word': 'changeme',
  'null sent as the value': 'null',
  'undefined sent as the value': 'undefined',
  'a prefixed key cut in the middle': 'sk_live_…1234',
  'a prefixed key with dots in the middle': 'sk_live_...1234',
  'an ellipsis for the whole key': '...',
  'a template tag': '{{api_key}}',
  'a braced variable': '${API_KEY}',
  'a shell variable': '$API_KEY',
  'a run of asterisks': '********',
} as const;
type Form = keyof typeof FORMS;

const STAND_INS: Form[] = [
  'a described key',
  'an angle-bracket blank',
  'a run of x',
  'a fill-in word',
  'a default password word',
  'null sent as the value',
  'undefined sent as the value',
];
const MASKS: Form[] = ['a prefixed key cut in the middle', 'a prefixed key with dots in the middle', 'an ellipsis for the whole key'];
/** Nothing expands a variable in a single-quoted string or on the wire: the name went out. */
const LITERAL_VARIABLES: Form[] = ['a braced variable', 'a shell variable'];

interface Position {
  show: (value: string) => string;
  /** Forms found besides the stand-ins and masks every position finds. */
  extra?: Partial<Record<Form, Kind>>;
  /** Cells still empty, not asserted (the report lists them): decided cells are all asserted. */
  gaps?: Form[];
}

const POSITIONS: Record<string, Position> = {
  'an Authorization header in curl': {
    show: (v) => `curl -X POST https://api.sendgrid.com/v3/mail/send -H "Authorization: Bearer ${v}" -H "Content-Type: application/json"`,
  },
  'an Authorization header in a raw request': {
    show: (v) => `POST /v3/mail/send HTTP/1.1\nHost: api.sendgrid.com\nAuthorization: Bearer ${v}\nContent-Type: application/json`,
    // A tag stays a tag: REST-client `.http` files have this very shape and render `{{…}}` when sent.
    extra: { 'a braced variable': 'placeholder-token', 'a shell variable': 'placeholder-token' },
  },
  'an Authorization header in fetch': {
    show: (v) => `const res = await fetch(url, {\n  method: 'POST',\n  headers: { Authorization: 'Bearer ${v}' },\n});`,
    extra: Object.fromEntries(LITERAL_VARIABLES.map((form) => [form, 'placeholder-token'])),
  },
  'an Authorization header in axios': {
    show: (v) => `await axios.post(url, body, { headers: { 'Authorization': 'Bearer ${v}' } });`,
    extra: Object.fromEntries(LITERAL_VARIABLES.map((form) => [form, 'placeholder-token'])),
  },
  'an Authorization header in requests': {
    show: (v) => `r = requests.post(url, json=payload, headers={"Authorization": "Bearer ${v}"})`,
    // Python leaves `${…}` in a plain string as written; only the header scan's rule for it is missing.
    gaps: ['a braced variable', 'a shell variable'],
  },
  'an Authorization header in Guzzle': {
    show: (v) => `$response = $client->post($url, ['headers' => ['Authorization' => 'Bearer ${v}']]);`,
    extra: Object.fromEntries(LITERAL_VARIABLES.map((form) => [form, 'placeholder-token'])),
  },
  'a .NET AuthenticationHeaderValue': {
    show: (v) => `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "${v}");`,
  },
  'a vendor key header (X-Api-Key)': { show: (v) => `curl https://api.example.com/v1/contacts -H "X-Api-Key: ${v}"` },
  "a vendor's key header in a raw request": {
    show: (v) => `POST /1/classes/Event HTTP/1.1\nHost: parseapi.back4app.com\nX-Parse-REST-API-Key: ${v}\nContent-Type: application/json`,
    // The raw-request rule for unexpanded variables knows only the common credential header names.
    gaps: ['a braced variable', 'a shell variable'],
  },
  "Postmark's server token header": { show: (v) => `curl https://api.postmarkapp.com/email -H "X-Postmark-Server-Token: ${v}"` },
  "Klaviyo's own scheme": { show: (v) => `curl https://a.klaviyo.com/api/profiles -H "Authorization: Klaviyo-API-Key ${v}"` },
  'a query parameter': { show: (v) => `GET https://api.example.com/v1/send?api_key=${v}&to=me@example.com` },
  "a URL's userinfo": {
    show: (v) => `curl -s https://api:${v}@api.mailgun.net/v3/example.com/messages -F to=me@example.com`,
    extra: { 'a template tag': 'placeholder-token' },
    gaps: [...MASKS, 'null sent as the value', 'undefined sent as the value'],
  },
  "curl's --user": {
    show: (v) => `curl -s --user 'api:${v}' https://api.mailgun.net/v3/example.com/messages`,
    gaps: ['null sent as the value', 'undefined sent as the value'],
  },
  'a JSON field': { show: (v) => `{\n  "url": "https://hooks.example.com/x",\n  "api_key": "${v}"\n}` },
  'a YAML field': { show: (v) => `notifier:\n  url: https://hooks.example.com/x\n  api_key: ${v}` },
  'an env line': {
    show: (v) => `SENDGRID_API_KEY=${v}\nMAIL_FROM=me@example.com`,
    gaps: ['null sent as the value'],
  },
  'a TOML field': {
    show: (v) => `[webhook]\nurl = "https://hooks.example.com/x"\ntoken = "${v}"`,
    extra: { 'a run of asterisks': 'masked-token' },
  },
  'a CLI flag': {
    show: (v) => `$ mytool send --api-key ${v} --to me@example.com`,
    gaps: [
      'a prefixed key cut in the middle',
      'a prefixed key with dots in the middle',
      'null sent as the value',
      'undefined sent as the value',
    ],
  },
  'an SDK keyword argument': {
    show: (v) => `client = Client(api_key="${v}")`,
    extra: { 'a run of asterisks': 'masked-token' },
  },
};

const report = (snippet: string): string =>
  `I am sending this and it keeps failing with 401 Unauthorized:\n\n\`\`\`\n${snippet}\n\`\`\`\n\nResponse: {"message":"Invalid API key"}`;
const guide = (snippet: string): string =>
  `## Authentication\n\nReplace the value with the key from your dashboard:\n\n\`\`\`\n${snippet}\n\`\`\`\n\nKeep the key secret.`;

const standInKinds = (text: string): string[] =>
  detectCredentialProblems(text)
    .map((finding) => finding.problem ?? '')
    .filter((problem) => problem === 'placeholder-token' || problem === 'masked-token');

function expected(position: Position, form: Form): Kind | null {
  if (position.extra?.[form]) return position.extra[form];
  if (STAND_INS.includes(form)) return 'placeholder-token';
  if (MASKS.includes(form)) return 'masked-token';
  return null;
}

const cells = Object.entries(POSITIONS).flatMap(([where, position]) =>
  (Object.keys(FORMS) as Form[])
    .filter((form) => !position.gaps?.includes(form))
    .map((form) => [where, form, expected(position, form), position] as const),
);

describe('credential mistakes by position and form, in a report of what was sent', () => {
  it.each(cells)('%s holding %s: %s', (_where, form, kind, position) => {
    const kinds = standInKinds(report(position.show(FORMS[form])));
    if (kind === null) expect(kinds).toEqual([]);
    else expect(kinds).toContain(kind);
  });
});

describe('the same positions in a guide that tells the reader what to put there', () => {
  // A guide never sends `null`; the reader-facing forms are the ones docs print.
  const docForms: Form[] = [
    'a described key',
    'an angle-bracket blank',
    'a run of x',
    'a fill-in word',
    'a template tag',
    'a braced variable',
  ];
  it.each(Object.entries(POSITIONS).flatMap(([where, position]) => docForms.map((form) => [where, form, position] as const)))(
    '%s holding %s: nothing',
    (_where, form, position) => {
      expect(standInKinds(guide(position.show(FORMS[form])))).toEqual([]);
    },
  );
});
