// JSON anywhere in a text: bodies in log lines, fenced blocks and prose are checked whole; parsers'
// messages about a body that did not parse are findings with their position. Real strings carry
// their source.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openBodyStart } from '../../src/engine/detect/json/json-candidates';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const found = (text: string) => detectJsonInText(text).map((f) => ({ at: text.slice(f.start, f.end), reason: f.detail?.reason ?? '' }));

describe('bodies in a text are checked whole', () => {
  const CASES: Array<[string, string, RegExp]> = [
    ['a log line body with a trailing comma', '2024-05-01 INFO sending body: {"name": "x", "city": "y",}', /trailing comma/],
    ['a payload= body with a missing comma', 'payload={"a": 1 "b": 2}', /missing comma/],
    ['a comment in a json fence', 'My body:\n```json\n{\n  "a": 1,\n  // why\n  "b": 2\n}\n```\nfails', /comment/],
    ['smart quotes in a multi-line body in prose', 'We send\n{\n  "email": "a@b.c",\n  "name": “Jane”\n}\nbut get 400', /curly quote/],
    ['single quotes after a label naming JSON', "json: {'event': 'signup'}", /single quotes/],
    ['an unquoted key after a label naming JSON', 'JSON body: {event: "signup"}', /unquoted key/],
    ['a body cut off at the end of its log line', '10:01 POST /hook body={"a": 1, "b": \n10:02 next request', /cut off/],
    ['a curl -d body', `curl -X POST https://x.example/h -H 'Content-Type: application/json' -d '{"a": 1,}'`, /trailing comma/],
    // curl sends the body as written: no language printed it.
    ['unquoted keys in a curl -d body', `curl -X POST -d '{Parameter: 700, Value: 0}' http://192.168.1.50/JS`, /unquoted key/],
    [
      'single quotes in a curl --data body',
      `curl --data "{fetchUrl: 'https://x.example/feed.json'}" https://x.example`,
      /unquoted key|single quotes/,
    ],
    ['a body spanning lines after a label', 'sent body: {"campaign_id": "x",\n  "name": "y",}', /trailing comma/],
    ['a list of objects', 'payload: [{"a": 1}, {"b": 2},]', /trailing comma/],
  ];
  it.each(CASES)('%s', (_name, text, reason) => {
    const findings = found(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.reason).toMatch(reason);
  });

  it('places the finding and its line and column in the body', () => {
    const text = 'first line\nbody: {\n  "a": 1,\n  "b": 2,\n}\n';
    const [finding] = detectJsonInText(text);
    expect(text.slice(finding!.start, finding!.end)).toBe(',');
    expect(finding!.start).toBe(text.lastIndexOf(','));
    expect(finding!.detail).toMatchObject({ line: 3, column: 9 });
  });
});

describe('not bodies, or nothing wrong', () => {
  it.each([
    ['valid JSON in a log line', '2024-05-01 sent {"a": 1, "b": [1, 2]} ok'],
    ['JSON Lines of valid objects', '{"level":"info","msg":"ok"}\n{"level":"error","msg":"fail","status":500}\n'],
    ['an excerpt with ...', 'Example: {"data": {...}, "id": 1}'],
    ['an excerpt ending in …', 'the body was {"profile": {"email": "a@b.c", …'],
    ["Ruby's print of a hash", 'Parameters: {"utf8"=>"✓", "user"=>{"a"=>1}}'],
    ['JavaScript code in a js fence', '```js\nconst body = {a: 1, b: [1, 2,],};\n```'],
    ['a JSONC fence with comments', '```jsonc\n{\n  // allowed here\n  "a": 1\n}\n```'],
    ['JavaScript object without a label', 'fetch(url, { method: "POST", headers: { Accept: "x" } })'],
    ['a Python dict without a label', "got {'a': 1} back"],
    ['placeholders and template tags', 'Hello {name}, your order {{ order.id }} and ${total}'],
    ['log brackets', '[INFO] [2024-05-01 10:00:00] [worker-3] done'],
    ['an empty object', 'headers: {}'],
    ["a language's print of an object after a plain label", "data: { error: { message: 'Incorrect API key' } }"],
    ['a body quoted up to the end of the text', 'The receiver answered:\n{\n  "error": {\n    "message": "Invalid'],
    ['a body cut by the end of inline code', 'I get `{"status":"error","message":"Property values` back'],
    ['a body cut by the end of its fence', '```\n{\n  "a": 1,\n  "b": {\n```\nthen more'],
    ['a schema in docs', '{\n"url": (required, string),\n"method": (optional, string)\n}'],
    ['a string wrapped by the display', '{"type":"error","error":{"message":"invalid\nx-api-key"}}'],
    ['a cut body followed by prose', '{"ok":false,"result":true 我的是这样的\nnext line'],
    [
      'a title cut at its length limit above the same body whole',
      '# Error: 401{"message":"Incorrect API key","type":"invalid_request_error","code":"invalid_ap\n**Error Output**\n```\n{"message":"Incorrect API key","type":"invalid_request_error","code":"invalid_api_key"}\n```',
    ],
    ['a requirement that a body be valid JSON', 'Make sure the request body is valid JSON before you send it.'],
    ['a body said to parse fine', 'The payload parses as valid JSON and the hook answers 200.'],
    [
      "a Ruby hash after require 'json' two lines up",
      "require 'json'\n\nparams = { name: 'Ana', city: 'Rio' }\nrequest.post('/', params.to_json)",
    ],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("parsers' messages about a body that did not parse", () => {
  const CASES: Array<[string, { line?: number; column?: number; reason?: RegExp }]> = [
    // https://github.com/apis-is/apis/issues/399
    ['SyntaxError: Unexpected token o in JSON at position 1', { reason: /at character 2/ }],
    // https://github.com/Shuffle/Shuffle/issues/889
    ['TheHive WEBHOOK Worflow - SYNTAXERROR: UNEXPECTED TOKEN < IN JSON AT POSITION 0', { reason: /at character 1/ }],
    [`SyntaxError: Unexpected token 'o', "not json" is not valid JSON`, {}],
    ["SyntaxError: Expected property name or '}' in JSON at position 1 (line 1 column 2)", { line: 1, column: 2 }],
    ['Unexpected end of JSON input', {}],
    ["invalid character 'a' looking for beginning of value", {}],
    ["invalid character '}' after object key:value pair", {}],
    // An escaped control character quoted in the message is longer than one character.
    ["err: invalid request body: not json, invalid character '\\\\x1b' in string literal", {}],
    ["invalid character '\\\\u0088' looking for beginning of object key string", {}],
    ['Error: unexpected end of hex escape at line 1 column 40', {}],
    ['unexpected end of JSON input', {}],
    // https://github.com/simplejson/simplejson/issues/269
    ['JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)', { line: 1, column: 2 }],
    ["json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 5 (char 4)", { line: 1, column: 5 }],
    ['FormatException: Unexpected character (at character 3)', { reason: /at character 4/ }],
    [
      "com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'abc': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"abc\"; line: 1, column: 4]",
      {},
    ],
    ["JSON::ParserError: 859: unexpected token at 'hello'", {}],
    // Ruby's parser message without its class, as a Rails error page shows it.
    ["Rails error page: 757: unexpected token at '<html><body>Gateway Timeout'", {}],
    [
      "Newtonsoft.Json.JsonReaderException: Unexpected character encountered while parsing value: h. Path '', line 1, position 1.",
      { line: 1, column: 1 },
    ],
    [
      "System.Text.Json.JsonException: 'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.",
      { line: 1, column: 1 },
    ],
    ['{"message":"Problems parsing JSON","documentation_url":"https://docs.github.com/rest"}', {}],
    ['Error 400: invalid JSON payload', {}],
    ['Error: trailing comma at line 3 column 5', { line: 3, column: 5 }],
    ['EOF while parsing an object at line 3 column 0', { line: 3, column: 0 }],
    ['** (Jason.DecodeError) unexpected byte at position 0: 0x3C ("<")', { reason: /at character 1/ }],
    ['Error occurred while parsing request parameters', {}],
    ['Failed to decode JSON object: Expecting value: line 1 column 1 (char 0)', { line: 1, column: 1 }],
    ['The webhook failed: malformed JSON in request body', {}],
    // People's own words for a body that did not parse.
    ['Our Zap posts the order, and the receiver says the value is not valid JSON.', {}],
    ["I copied the sample payload but it doesn't parse as JSON on my side", {}],
    ['the stray comma after the last field made the payload invalid, the hook got 400', {}],
    ['A trailing comma in the template is what broke the JSON parser on our end', {}],
    ['Error 422: not a JSON object', {}],
    ['The hook posted a non-JSON body and the API answered 500', {}],
    ['The receiver refused it with 400 Bad Request: body could not be parsed.', {}],
    ['Klaviyo says the JSON is invalid when I save the webhook.', {}],
    ['回调失败：JSON 格式错误，请检查请求体', {}],
    ['Webhook の送信でエラー: JSONの解析に失敗しました', {}],
    ['Le webhook répond 400 : JSON invalide dans le corps de la requête', {}],
    ['Die Antwort war 400, ungültiges JSON im Body', {}],
    // Fixes and reports that say what broke the body, in general words.
    ['Dropped the last comma so that the body becomes valid JSON again.', {}],
    ['A tab inside the message causes the JSON body to fail to parse on the receiver.', {}],
    ['Raw newlines are not valid in JSON strings, which is why the hook fails.', {}],
    ['Long notes end up with incorrect payload JSON formatting and the webhook fails.', {}],
    ['The notifier was sending broken JSON payloads whenever the title had quotes.', {}],
    ['the smart quotes pasted from the wiki gave Unexpected token on the receiver', {}],
    ['our message made the json broke at the second line', {}],
    ['jq: error: Invalid string: control characters from U+0000 through U+001F must be escaped at line 3, column 2', {}],
    ['error: bad body format: expecting JSON', {}],
    // A fix title naming the comma, and quotes JSON does not take.
    ['Remove unexpected comma in json payload', {}],
    ["In some cases the data can't be parsed during execution for webhooks: use of ' instead of \"", {}],
    ['The sample uses single quotes instead of double quotes, so the receiver rejects it.', {}],
    // Receivers that name the body they could not read: CouchDB, FastAPI.
    ['I always got: {"error":"bad_request","reason":"invalid_json"}', {}],
    ['I get an "Invalid UTF-8 JSON" error from CouchDB', {}],
    ["[nlp response]\n{'detail': 'There was an error parsing the body'}", {}],
    // Go's message as a logfmt field quotes it, with its quote escaped twice.
    ["level=warning error=\"invalid character '\\\\'' looking for beginning of object key string\"", {}],
  ];
  it.each(CASES)('%j', (text, expected) => {
    const findings = detectJsonInText(text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.problem).toBe('invalid-json');
    if (expected.line !== undefined) expect(finding!.detail).toMatchObject({ line: expected.line, column: expected.column });
    if (expected.reason) expect(finding!.detail?.reason).toMatch(expected.reason);
  });

  it.each([
    'The body must be valid JSON.',
    'If the payload is not valid JSON, the API returns 400.',
    'except json.JSONDecodeError:',
    'rescue JSON::ParserError => e',
    'The API returns 400 for invalid JSON.',
    'SyntaxError: /Users/me/app/config/config.json: Unexpected token } in JSON at position 289',
    'added a handler for `JSON::ParserError` exceptions',
    'Handle JSONDecodeError for outgoing webhooks',
    'If there is an error parsing the body, the API returns 400.',
    // A field the API does not know, in Google's words: no syntax error.
    'Invalid JSON payload received. Unknown name "temperature_x": Cannot find field.',
    // A configuration file's own parse error, in a text that never speaks of a request.
    "After editing config.json the daemon prints: invalid character '/' looking for beginning of object key string",
    // Advice about what would break, not a report that it did.
    'The body must never be not valid JSON, so escape every quote.',
    'Make sure the body is valid JSON before saving.',
    // Permission or possibility, not a failure: a template may be invalid JSON until it renders.
    'Allow the user to enter invalid JSON in the request payload.',
    'A handlebars template can be invalid JSON before it renders.',
    // Python's json.load reads a file: its error is the file's, not a body's.
    'File "jump.py", line 46, in open_accordant_config\n    return json.load(f)\njson.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 8 column 1 (char 132)',
  ])('%j is not a report', (text) => {
    expect(detectJsonInText(text)).toEqual([]);
  });

  it.each([
    // A receiver that names what came in as data, in English and in French, and Java's reader on an empty body.
    '[EROR] /hooks/abc:incomingWebhook code=500 ip=176.9.172.42 Unable to parse incoming data [details: ]',
    '{"id":"model.incoming_hook.parse_data.app_error","message":"Impossible d\'interpréter les données entrantes"}',
    '{"status":"invalid-json","details":"A JSON text must at least contain two octets!"}',
  ])('reads %j as a body that did not parse', (text) => {
    expect(found(text).length).toBe(1);
  });

  it('reads a requirement and a bare "Unexpected token" as parse errors only where a program answered', () => {
    // A receiver's answer: after an error label, in a body's message field.
    expect(found('ntfy failed -> error=invalid request: request body must be valid JSON, http_method=POST').length).toBe(1);
    expect(found('Request failed with status code 400 {"status":400,"error":{"message":"Unexpected token \\""}}').length).toBe(1);
    // A doc's requirement, and a script that did not compile.
    expect(found('The request body must be valid JSON.')).toEqual([]);
    expect(found("error: Unexpected token '<'")).toEqual([]);
    expect(found('Module parse failed: Unexpected token (1:0)')).toEqual([]);
  });

  it('redacts a secret a message quotes', () => {
    const secret = 'sk_live_51HcFakeFakeFake0123456789abcdef';
    const [finding] = detectJsonInText(`SyntaxError: Unexpected token 'k', "api_key=${secret}" is not valid JSON`);
    expect(JSON.stringify(finding)).not.toContain(secret);
  });
});

describe('openBodyStart: where a reader of a stream must not cut', () => {
  it('points at a body still open at the end', () => {
    const text = 'line one\nbody: {\n  "a": 1,\n';
    expect(openBodyStart(text)).toBe(text.indexOf('{'));
  });
  it('is null when every body is closed or cut off on its line', () => {
    expect(openBodyStart('body: {"a": 1}\nnext\n')).toBeNull();
    expect(openBodyStart('10:01 body={"a": 1,\n10:02 next\n')).toBeNull();
  });
});

describe('properties', () => {
  it('never throws, and findings lie inside the text', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      ',',
      ':',
      ' ',
      '\n',
      'body: ',
      '```json\n',
      '```\n',
      '...',
      'a',
      '1',
      '=>',
      '//',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }).map((parts) => parts.join('')),
        (text) => {
          for (const finding of detectJsonInText(text)) {
            expect(finding.start).toBeGreaterThanOrEqual(0);
            expect(finding.end).toBeLessThanOrEqual(text.length);
            expect(finding.start).toBeLessThanOrEqual(finding.end);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finishes on a megabyte of open brackets and quotes', () => {
    for (const unit of ['{', '{"a": ', 'body: {"', '[{"a":1},', '"{', '```json\n{\n']) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      expect(Array.isArray(detectJsonInText(text))).toBe(true);
    }
  });
});

describe('quotes: JSON written with single quotes, and a bracket quoted as a character', () => {
  it('judges single quotes in a body whose keys are double-quoted, not a language print', () => {
    expect(found('If I post this:\n{\n  "todo": \'text\',\n  "done": false\n}').map((f) => f.reason)).toEqual([
      expect.stringMatching(/single quotes/),
    ]);
    expect(found("Python prints it as {'todo': 'text', 'done': False} here")).toEqual([]);
  });

  it('takes a report that quotes broke the body, not a rule about quotes', () => {
    expect(found('single quotes in json throws a 500 on the server')).toHaveLength(1);
    expect(found('I get an error about the quotes (requires double quotes)')).toHaveLength(1);
    expect(found('Single quotes in JSON are shown here for readability.')).toEqual([]);
    expect(found('JSON requires double quotes around every key.')).toEqual([]);
  });

  it('does not open a body at a bracket quoted as a character', () => {
    expect(found('parse "https://{tenant}/x": invalid character "{" in host name\nbase: https://{tenant}/api')).toEqual([]);
    expect(found('body: "{"a": 1 "b": 2}"')).toHaveLength(1);
  });
});

// The general shapes added from setup5 (creds7), each with a look-alike that must stay silent.
describe('told and placed shapes of setup5', () => {
  const problems = (text: string): number => detectJsonInText(text).length;

  it.each([
    // The body named, a few words, then that it did not parse.
    ["sometimes the jsondata sent by the plugin can't parse", 'If the payload cannot be parsed we answer 400.'],
    ["The Json request is invalid and can't be parsed", 'The request must be valid JSON.'],
    // Characters a JSON string must escape, sent as they were.
    ['Webhook payloads are not correctly formatted: characters are not being escaped.', 'Make sure that quotes are not escaped twice.'],
    // Quotes that break a body, told as a fix or a cause.
    ['Fix wrong quotes for json', 'Fix wrong quotes in the README'],
    ['The examples use curly quotes, which breaks JSON.', 'If this breaks JSON consumers we roll back.'],
  ])('%j is a report, %j is not', (report, trap) => {
    expect(problems(report)).toBe(1);
    expect(problems(trap)).toBe(0);
  });

  it("leaves a named .json file's own parse error to the file", () => {
    expect(
      problems('The build fails when trying to parse `colors.json` with:\n\nSyntaxError: Unexpected token } in JSON at position 84'),
    ).toBe(0);
    expect(problems('The webhook fails when trying to parse the body:\n\nSyntaxError: Unexpected token } in JSON at position 84')).toBe(1);
  });

  it("leaves an error in the app's own settings to the settings", () => {
    expect(problems('Using a response body in environment settings gives an "Unexpected token % in JSON" error')).toBe(0);
    expect(problems('Posting the response body to the webhook gives an "Unexpected token % in JSON" error')).toBe(1);
  });

  it('reads comments in a documentation example as notes, and in a sent body as a fault', () => {
    const example = 'POST /webhooks: Example request body\n\n{\n    "events": [\n        "updated" //sample event\n    ]\n}';
    expect(problems(example)).toBe(0);
    expect(problems(`We sent this and got a 400:\n\n{\n    "events": [\n        "updated" //sample event\n    ]\n}`)).toBe(1);
  });
});

describe('documentation of JSON errors', () => {
  it.each([
    // An error reference: what happened, then common mistakes with examples
    'invalid_json\nHTTP Status: 400 Bad Request\nWhat happened?\nThe request body could not be parsed as valid JSON.\nCommon mistakes\n- Trailing commas:\n["a", "b",]is invalid JSON',
    // Causes and solutions of a platform's error code
    'INVALID_JSON\n\nWebhook payload is not valid JSON\n\nCauses:\n\n  • Provider sending malformed JSON\n\nSolutions:\n\n  • Verify Content-Type header is application/json',
    // Bad and good examples in code comments under common causes
    "Common Causes\n- Malformed JSON in the request body\n// Bad - single quotes are not valid JSON\nbody: \"{'name': 'John'}\"",
  ])('describes invalid JSON, it reports none: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still reports a body that failed, with one mark of a doc in the text', () => {
    const text = 'Common causes are listed in the docs, but mine fails:\nSyntaxError: Unexpected token } in JSON at position 83';
    expect(found(text).map((f) => f.at)).toEqual(['Unexpected token } in JSON']);
  });
});

describe("a receiver's error answer shown broken is a transcription (setup18 ruling)", () => {
  it.each([
    [
      'escapes lost after "it just says:"',
      'I call /api/generate and it just says:\n\n`{"error":"model "llama2" not found, try pulling it first"}`',
    ],
    [
      'commas lost under a failed status',
      'Request failed with status code 401\n\n{\n"EC":401\n"Edesc":"Auth error."\n}\nHow do I fix this?',
    ],
    [
      'a relayed message with a comma lost',
      'HTTP error!status:401,message:{"success":false,"errorCode":"401005""errorMessage":"The token is invalid"}',
    ],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('still reports a body the writer sends, and a receiver saying the body did not parse', () => {
    expect(found('My webhook sends this body:\n{"message": "hello", "channel": "ops",}').length).toBeGreaterThan(0);
    // The status comes first, but the words say the object is what was sent; keys that only hold
    // an answer word inside them (`token`, `event_type`) are no answer's keys.
    expect(
      found('I get a 400 error when I send this:\n```json\n{"title": "Build", "message": "Deploy done", "type": "info",}\n```').length,
    ).toBeGreaterThan(0);
    expect(found('It fails with 400:\n{"token": "abc", "message": "hi",}').length).toBeGreaterThan(0);
    expect(found('It fails with 400:\n{"event_type": "x", "message": "hi",}').length).toBeGreaterThan(0);
    expect(found('It returns {"message": "Could not parse request body into json: Unrecognized token"}').map((f) => f.at)).toEqual([
      'Could not parse request body into json',
    ]);
  });
});

describe('a parse failure the receiver blames on the content type (setup18)', () => {
  it('is no syntax error in the body', () => {
    const log = '[webhook] 2025/12/18 01:00:01 [90c4bd] error parsing body payload due to unsupported content type header:';
    expect(found(log)).toEqual([]);
  });

  it('while a parse error with no such cause still counts', () => {
    const log = '[webhook] 2025/12/18 01:00:01 [90c4bd] error parsing body payload: unexpected end of input';
    expect(found(log).length).toBeGreaterThan(0);
  });
});

describe("Google's unknown-field message", () => {
  it('is no syntax error, nor is the bare "Invalid JSON" of a title that names it', () => {
    const text = '# Invalid JSON\nInvalid JSON payload received. Unknown name "content" at \'contents[1]\': Cannot find field.';
    expect(found(text)).toEqual([]);
    expect(found('# Invalid JSON\nmy body was cut off').map((f) => f.at)).toEqual(['Invalid JSON']);
  });

  it('is named by a title that repeats its opening words, payload and all (setup18)', () => {
    const text =
      '# Invalid JSON payload received\nGoogle API returned status 400: {\n  "message": "Invalid JSON payload received. Unknown name \\"$schema\\" at \'tools[0]\': Cannot find field."\n}';
    expect(found(text)).toEqual([]);
    expect(found('# Invalid JSON payload received\nthe body was cut off').map((f) => f.at)).toEqual(['Invalid JSON payload']);
  });
});

describe("Google's unknown-field message wrapped by a terminal (setup22)", () => {
  it('is read across the line break, and a wrapped syntax message still counts', () => {
    const parserSays = (text: string) => found(text).filter((f) => /invalid json/i.test(f.at));
    expect(parserSays('API Error: 400 message: Invalid JSON payload      \n    received. Unknown name "propertyNames" at x.')).toEqual([]);
    expect(
      parserSays('# Invalid JSON payload received\nmessage: Invalid JSON\n  payload received. Unknown name "x": Cannot find field.'),
    ).toEqual([]);
    expect(parserSays('API Error: 400 message: Invalid JSON payload      \n    received. Unexpected token.').length).toBe(1);
  });
});

describe("Slack's invalid_payload", () => {
  it('is a schema complaint, not a parse failure (LABELS.md, session-18 ruling)', () => {
    expect(found('curl: ok=false error=invalid_payload')).toEqual([]);
    expect(found('The hook answered 400 and the body just says invalid_payload')).toEqual([]);
  });

  it('still reports the body shown broken beside it', () => {
    const text = 'Slack answers invalid_payload to this:\n```json\n{"text": "Build failed",}\n```';
    expect(found(text)).not.toEqual([]);
  });
});

describe('language prints', () => {
  it('takes a Python dict print in a text about Python code for what it is, even in a json fence', () => {
    const text = "`KeyError: 'details'`\nla cause est:\n```json\n{'error': 'The concurrent connection limit has been exceeded.'}\n```";
    expect(found(text)).toEqual([]);
  });

  it('still judges single quotes where no Python is in sight', () => {
    const text = "I send this body and get a 400:\n```json\n{'error': 'limit exceeded'}\n```";
    expect(found(text).map((f) => f.reason)).toEqual([expect.stringMatching(/^single quotes/)]);
  });
});

describe('setup12: what was sent, not what code or a binder says', () => {
  it('finds a body whose quotes a double-quoted shell argument drops', () => {
    const text = 'curl -H \'Content-Type: application/json\' -d "{"ApiKey":"abc"}" http://host/api/items/1/get';
    const found = detectJsonInText(text);
    expect(found.map((finding) => finding.problem)).toEqual(['invalid-json']);
    expect(text[found[0]!.start]).toBe('"');
    // Escaped quotes, or single quotes around the argument, reach the server intact.
    expect(detectJsonInText('curl -d "{\\"ApiKey\\": \\"abc\\"}" http://host/api')).toEqual([]);
    expect(detectJsonInText('curl -d \'{"ApiKey":"abc"}\' http://host/api')).toEqual([]);
  });

  it("takes Jackson's data-binding errors for valid JSON of the wrong type", () => {
    const binding =
      'HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.lang.String` from Object value';
    expect(detectJsonInText(binding)).toEqual([]);
    expect(detectJsonInText("HttpMessageNotReadableException: JSON parse error: Unexpected character ('}' (code 125))")).not.toEqual([]);
  });

  it('does not take an exception class named in code for a thrown one', () => {
    const code =
      'public class JsonParseExceptionMapper implements ExceptionMapper<JsonParseException> {\n  public Response toResponse(JsonParseException exception) {';
    expect(detectJsonInText(code)).toEqual([]);
    expect(detectJsonInText("/app/lib/client.rb:12 unexpected token at 'hi' (JSON::ParserError)")).not.toEqual([]);
  });

  it('does not take a wording proposed for a message for a report', () => {
    expect(detectJsonInText('Shouldn\'t we say "Your input is not a valid JSON: [errorMsg]" here?')).toEqual([]);
  });

  it('reads an object literal declared in code as code', () => {
    expect(detectJsonInText('const parameters = {\n    "apiKey": "abc",\n    "timeout": 30000,\n};')).toEqual([]);
    expect(detectJsonInText('I sent:\n{\n    "apiKey": "abc",\n    "timeout": 30000,\n}\nand got a 400')).not.toEqual([]);
  });
});

describe('setup12: bodies told to hold single quotes', () => {
  it.each([
    'the JSON generated by requests.post() contains single quotes, and that gives a 500 server error.',
    'New manager/curator JSON APIs use singlequotes for response.',
  ])('%j is invalid JSON', (text) => {
    expect(detectJsonInText(text).map((finding) => finding.problem)).toContain('invalid-json');
  });

  it('leaves a single quote inside a string alone', () => {
    expect(detectJsonInText('If you include an unescaped single quote in your request body content, you get a BadRequest error.')).toEqual(
      [],
    );
  });
});
