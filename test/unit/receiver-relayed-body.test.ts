// Where an error body with no status beside it still stands as what came back: a client's
// exception label or a wire log's incoming mark before it, a printed body that flags its own
// failure, a title that quotes its message, an "actual" line after an "expected" one; and the
// words of Chinese failures in a body field. Made-up texts; traps stay silent.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { followsApiErrorLabel, findThrownWords } from '../../src/engine/detect/receiver/receiver-words-thrown';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

describe('a body the text shows came back', () => {
  it.each([
    // An API client's exception label before the body.
    [
      'deploy step crashed\nApiError: {"message":"Project is archived and cannot be changed","docs":"https://api.example.test/docs"}',
      'Project is archived and cannot be changed',
    ],
    ['  PaymentsHttpException[402]: {"error": {"message": "Card limit exceeded"}}', 'Card limit exceeded'],
    // A wire log's incoming mark.
    ['10:02:11 DEBUG wire - conn-3 << "{"code":4107,"msg":"signature check failed"}"', 'signature check failed'],
    // A printed body that flags its own failure.
    ["INFO notifier.chat {'ok': False, 'error': 'channel_is_archived', 'warning': 'none'}", 'channel_is_archived'],
    // An "actual" line after an "expected" one.
    [
      'Expected response: a list of rooms\n\nActual response:\n{"message": "Room limit exceeded for this plan"}',
      'Room limit exceeded for this plan',
    ],
    // The title quotes the body's words.
    [
      '# Upload blocked: attachment type is not permitted here\n\nlog:\n{"msg": "attachment type is not permitted here"}',
      'attachment type is not permitted here',
    ],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // A runtime's or a connection's error class is the sender's own.
    ['TypeError: {"message":"cannot read properties of undefined"}'],
    // An outgoing mark: what the client sent.
    ['10:02:11 DEBUG wire - conn-3 >> "{"msg":"missing field in template"}"'],
    // A printed body that succeeded.
    ["INFO notifier.chat {'ok': True, 'warning': 'missing_charset'}"],
    // An expected body with no actual one.
    ['Expected response:\n{"message": "Room limit exceeded for this plan"}'],
  ])('gives no message: %s', (text) => {
    expect(quoted(text)).toBe(undefined);
  });

  it('tells an API exception label from a runtime one', () => {
    expect(followsApiErrorLabel('crashed: octo.RequestError [HttpError]: ')).toBe(true);
    expect(followsApiErrorLabel('Uncaught SyntaxError: ')).toBe(false);
    expect(followsApiErrorLabel('see HttpError docs ')).toBe(false);
  });
});

describe('Node prints an error name in brackets after its class', () => {
  it('reads the message after `Class [Name]:`', () => {
    const [said] = findThrownWords('Failed to sync: RequestError [HttpError]: Bad credentials - https://docs.example.test/rest');
    expect(said?.message).toContain('Bad credentials');
  });
});

describe('Chinese failure words in a body field', () => {
  it.each([
    ['钉钉返回：{"errcode":310000,"errmsg":"签名不匹配"}', '签名不匹配'],
    ['接口返回 {"code":4001,"msg":"缺少参数 app_id"}', '缺少参数 app_id'],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });
});

describe('messages an SDK threw in other forms', () => {
  it.each([
    // A Python class under its package's error module, whatever its name ends in.
    ['Traceback (most recent call last):\nchatlib.error.Forbidden: bot is not allowed in this chat', 'bot is not allowed in this chat'],
    ['`hublib.exceptions.NotFound: 404 - Repository does not exist or is private`', 'Repository does not exist or is private'],
    // A chain whose outer error has no words of its own.
    [
      'LoginFailed: , TokenRequestError: (invalid_client) client secret is invalid for this app',
      '(invalid_client) client secret is invalid for this app',
    ],
    // A vendor's Ruby class, in words not defined before.
    [
      'Mailer::DeliveryError (Sender domain not defined on this account.):\n  mailer (2.1) lib/http.rb:40',
      'Sender domain not defined on this account.',
    ],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // Connection and client status errors under an error module are the sender's.
    ['chatlib.error.NetworkError: urllib3 HTTPError: connection refused'],
    ['requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://api.example.test/x'],
    ['conf.errors.ConnectTimeout: timed out after 30s'],
  ])('gives no message: %s', (text) => {
    expect(quoted(text)).toBe(undefined);
  });

  it('takes the words printed below a title over the title that shortens them', () => {
    const text = '# SyncError: TeamApiError: ... quota ... missing\n\nlog:\nTeamApiError: Seat quota missing for workspace 7';
    expect(quoted(text)).toBe('Seat quota missing for workspace 7');
  });
});

describe('loosely printed bodies', () => {
  it('reads a quoted message the text cuts off before its closing quote', () => {
    const text = "# key stopped working\n\nvendor.AuthError: Error code: 401 - {'error': {'message': 'Incorrect key provided: ab12****";
    expect(quoted(text)).toBe('Incorrect key provided: ab12****');
  });

  it('takes a shortage as an error', () => {
    expect(quoted("failed: Error code: 403 - {'error': {'message': 'credit balance is not enough for this model'}}")).toBe(
      'credit balance is not enough for this model',
    );
    expect(quoted('The API returned {"error": {"message": "Insufficient scope for this endpoint"}}')).toBe(
      'Insufficient scope for this endpoint',
    );
  });
});

describe("a connection's failure in an error object", () => {
  it.each([
    [
      "[TypeError: fetch failed] {\n  cause: [SocketError: other side closed] {\n  name: 'SocketError',\n  message: 'Connect Timeout Error'\n}",
    ],
    ['Error\n{\n  "message": "timeout of 8000ms exceeded",\n  "name": "Error",\n  "code": "ECONNABORTED"\n}'],
    ["{ Error: 14 UNAVAILABLE: failed to connect to all addresses\n  code: 14,\n  details: 'failed to connect to all addresses' }"],
    // The webhook in the URL is what was called; the words are the client's.
    [
      'local.ERROR: notify failed {"error_message":"cURL error 28: Operation timed out after 3002 milliseconds for http://10.0.0.5/webhook"}',
    ],
  ])('is the client speaking, no receiver: %s', (text) => {
    expect(quoted(text)).toBe(undefined);
  });

  it('is the receiver speaking when a platform tells how its call to a webhook failed', () => {
    expect(quoted('The bot API returned {"ok":false,"description":"Bad Request: bad webhook: Failed to resolve host"}')).toBe(
      'Bad Request: bad webhook: Failed to resolve host',
    );
  });
});
