// Whose words a quoted error is: the receiver's, or the sender's own client, code or writer. A
// client library's setup advice, a message the text shows its own code throwing, an example or
// documented body and the line under a Markdown title are not the receiver speaking.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

describe("a client library's own checks", () => {
  it.each([
    // The SDK tells the developer how to configure it: no request left
    "openai.error.AuthenticationError: No API key provided. You can set your API key in code using 'openai.api_key = <API-KEY>', or you can set the environment variable OPENAI_API_KEY=<API-KEY>).",
    'Error: The OPENAI_API_KEY environment variable is missing or empty; either provide it, or instantiate the OpenAI client with an apiKey option.',
    // A title that shortens the same message is the client's too
    '# AuthenticationError: No API key provided\nopenai.error.AuthenticationError: No API key provided. (HINT: set your API key using in code using "openai.api_key = <API-KEY>").',
    // Apps Script telling of the server in its own words
    'Received the following error: \n```\nException: Request failed for https://discord.com returned code 400. Truncated server response: {"embeds": ["0"]} (use muteHttpExceptions option to examine full response)\n```',
  ])('are not quoted: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });

  it('still quotes the receiver telling where the key goes', () => {
    const message =
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
    expect(quoted(`Request error from Stripe (status 401): {"status":401,"message":"${message}"}`)).toBe(message);
  });
});

describe('a message the text shows its own code throwing', () => {
  const printed = 'AuthenticationError: API key is required, please visit https://e2b.dev/docs to get your API key';

  it('is the sender library speaking', () => {
    const text = `This is the current message\n\n\`\`\`\nthrow new AuthenticationError('API key is required, please visit https://e2b.dev/docs to get your API key');\n${printed}\n\`\`\``;
    expect(quoted(text)).toBeUndefined();
  });

  it('is the receiver relayed when no such code is shown', () => {
    expect(quoted(`I get this:\n${printed}`)).toBe('API key is required, please visit https://e2b.dev/docs to get your API key');
  });
});

describe('bodies shown as examples or as documented', () => {
  it.each([
    'In the API documentation, every single example of an error response seems to be the same error\n\n`{\n  "errors": [\n    {\n      "code": "NotAcceptableException",\n      "message": "Not acceptable representation requested. Please check \'Accept\' request header"\n    }\n  ]\n}`',
    'For example, the JSON one currently is documented as:\n\n```json\n{\n  "errors":[\n    "An invalid api_key was supplied. Get one at http://api.data.gov/"\n  ]\n}\n```',
  ])('are nobody’s answer', (text) => {
    expect(quoted(text)).toBeUndefined();
  });
});

describe('the line under a Markdown title that holds a status', () => {
  it("is the writer's account, not the page", () => {
    expect(
      quoted('# Validation errors result in error code 422\nFor example when trying to create a repo or team that already exists'),
    ).toBeUndefined();
  });

  it('is still the page under a plain status line', () => {
    expect(quoted('HTTP/1.1 403 Forbidden\nThe team already exists and cannot be created again')).toBe(
      'The team already exists and cannot be created again',
    );
  });
});

describe("a receiver's error number between the reason phrase and the colon", () => {
  it.each([
    ['# 400 Bad Request (error code: 50006): Cannot send an empty message', 'Cannot send an empty message'],
    [
      'it started spamming my channel with "400 Bad Request (error code: 50035): Invalid Form Body\nIn username: Username cannot contain "discord"" constantly',
      'Invalid Form Body',
    ],
  ])('frames the answer wherever the status stands: %s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it('is needed for a title that opens with a status', () => {
    expect(quoted('# 400 Bad Request: Cannot send an empty message')).toBeUndefined();
  });
});

describe('a bare string under "errors"', () => {
  it("is the body's message (Shopify)", () => {
    expect(
      quoted(
        'Received the following error: BODY: {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}',
      ),
    ).toBe('[API] Invalid API key or access token (unrecognized login or wrong password)');
  });
});

describe("a receiver's error code in PascalCase before its message", () => {
  it.each([
    [
      '- SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.\n- SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    ],
    ['the error from the server is:\n\n`InvalidAudience: Invalid authorization token audience.`', 'Invalid authorization token audience.'],
    [
      'S3::Error::SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.',
      'The request signature we calculated does not match the signature you provided.',
    ],
  ])('is read as an SDK prints it: %s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // A glossary of codes, one per list item
    'Error type:\n- InvalidMessage: An error occurred while configuring this component, such as missing or malformed values.\n- DeadLetter: An error occured while connecting to an external resource.',
    // No refusal in the code's name
    'ProjectSettings: Invalid values are ignored when the project loads.',
  ])('is not read when it is not one: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });
});

describe('a reason phrase, a colon and words in lower case', () => {
  it.each([
    ['ERROR: 2020/10/26 19:05:28 Bad Request: chat not found', 'Bad Request: chat not found'],
    ['TelegramBot OnError, Exception: [ 18/06/2019 21:02:13 ] (400) Bad Request: chat not found', 'Bad Request: chat not found'],
  ])('is the receiver describing the failure: %s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // A table of statuses, the writer's documentation
    '| HTTP code | Description |\n|---|---|\n| 403 | Forbidden: access is not permitted |',
    // A connection's failure named like a status
    'Understanding the "Connection Timed Out: getsockopt" error, and how to fix it.',
    // Capitals after the colon: the writer's sentence
    'Bad Request: You sent a request this server could not understand.',
  ])('is not read from the writer or the network: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });

  it("gives way to the body's slug under a title that quotes the status line", () => {
    const text =
      '# Code monitors: Slack webhooks fail with `400 Bad Request: invalid blocks`.\n\n```\nnon-200 response 400 400 Bad Request with body "invalid_blocks"\n```';
    expect(quoted(text)).toBe('invalid_blocks');
  });
});

describe("PHP's print of an uncaught SDK exception", () => {
  it('quotes the message without its file and line, a bracketed tag kept', () => {
    const text =
      'PHP Fatal error:  Uncaught PHPShopify\\Exception\\ApiException: [API] Invalid API key or access token (unrecognized login or wrong password) in /home1/app/vendor/phpclassic/php-shopify/lib/ShopifyResource.php:559';
    expect(quoted(text)).toBe('[API] Invalid API key or access token (unrecognized login or wrong password)');
  });
});

describe("a braceless log of the answer's fields", () => {
  it.each([
    ['Code: 401, Message: Bad credentials', 'Bad credentials'],
    [
      'Hi I found this error\nStatus: 422\nMessage: Request body contains unprocessable entity.\nWhat should I do?',
      'Request body contains unprocessable entity.',
    ],
  ])('gives the status its labelled message: %s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it('needs the status under a status label', () => {
    expect(quoted('I saw 401 in the logs\nMessage: Bad credentials')).toBeUndefined();
  });

  it("reads a reason phrase closed by Ruby's inspect mark as the status again", () => {
    const text =
      '@remote_errors=#<ActiveResource::ResourceInvalid: Failed.  Response code = 422.  Response message = Unprocessable Entity.>';
    expect(quoted(text)).toBeUndefined();
  });
});

describe('words quoted after a verb of getting and named an error', () => {
  it.each([
    [
      'When i try to post github api\'s it give me "Bad payload received by generic incoming webhook." error. But curl works.',
      'Bad payload received by generic incoming webhook.',
    ],
    ['I get  "Invalid server token" message when sending from xy@example.com.', 'Invalid server token'],
  ])('are the answer: %s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // The writer's own wording, no verb of getting
    'Handle 403 responses with a clean "Access denied" message instead of dumping the raw response.',
    // A status line quoted as the writer's summary
    'For every call I\'m getting a "400 Unauthorized (invalid key)" error.',
    // The browser's own fetch failure
    'I try to send something to a webhook tester. I get the "failed to fetch" error.',
  ])('are not the answer: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });
});

describe('failures told as a state and messages under an error number', () => {
  it('reads "marked as inactive" as a failure (Postmark)', () => {
    const text =
      '# Postmark::InactiveRecipientError: You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: a@example.com.';
    expect(quoted(text)).toBe(
      'You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: a@example.com.',
    );
  });

  it("reads the line below a class and the receiver's error number in parentheses (Twilio)", () => {
    const text = 'I get an error on Laravel:\n"Services_Twilio_RestException (21211)\nThe \'To\' number 123 is not a valid phone number."';
    expect(quoted(text)).toMatch(/^The 'To' number 123 is not a valid phone number\./);
  });
});

describe("a log's label for the answer's words", () => {
  it('reads what follows "response text:"', () => {
    const text =
      'time="2019-04-04T21:41:15Z" level=info msg="Microsoft Teams response text: Summary or Text is required."\ntime="2019-04-04T21:41:15Z" level=error msg="Failed sending to the Teams Channel. Teams http response: 400 Bad Request"';
    expect(quoted(text)).toBe('Summary or Text is required.');
  });

  it('stops at the mark that closes an inspected object', () => {
    const text =
      '@remote_errors=#<ActiveResource::ResourceInvalid: Failed.  Response code = 422.  Response message = Unprocessable Entity.>, @validation_context=nil, @errors=#<ActiveResource::Errors>';
    expect(quoted(text)).toBeUndefined();
  });
});

describe('a Chinese cue before the receiver words in Latin script', () => {
  it.each([
    ['3. 使用时dify报错：Incorrect API key provided', 'Incorrect API key provided'],
    // The closing quote goes with the marks around the words
    [
      "# chat接口一直报Authorization header must be provided and start with 'Bearer'",
      "Authorization header must be provided and start with 'Bearer",
    ],
    ['启动完访问提示invalid_api_key Incorrect API key provided: undefined.', 'Incorrect API key provided: undefined.'],
  ])('quotes the words: %s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // What the system should say, not what it said
    '如果是key错误的话，系统应该提示invalid_api_key Incorrect API key provided: sk-XXXXX，现在明显是应用获取不到key',
    // The writer's paraphrase in lower case
    '请问下API key测试可用，为啥代码里面报错incorrect api key',
    // A status in the words: the tool's own line
    '直接curl能访问，添加后端就提示API error: 500。',
  ])('leaves the writer and the tool alone: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });
});
