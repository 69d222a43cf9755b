import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { hasWitness, talkCue } from '../../src/engine/detect/shared/register';

/** What findAll reports for a text, in the labels' terms: network kinds, setup mistakes, statuses. */
function problemsOf(text: string): { network: string[]; mistakes: string[]; codes: number[] } {
  const found = findAll(text);
  return {
    network: [...new Set(found.filter((f) => f.kind === 'network').map((f) => f.problem!))],
    mistakes: [...new Set(found.filter((f) => f.kind === 'credential' || f.kind === 'json').map((f) => f.problem!))],
    codes: [...new Set(found.filter((f) => f.kind === 'http').map((f) => f.code!))],
  };
}

describe('a witness: someone who got the error, a log line, a trace', () => {
  it('hears a first person, a log line, a stack frame and a Chinese first person', () => {
    expect(hasWitness('I too am getting ESOCKETTIMEDOUT sometimes')).toBe(true);
    expect(hasWitness('2015-04-29T13:37:07.803Z - error: [worker2]  Error: read ECONNRESET')).toBe(true);
    expect(hasWitness('Error: read ECONNRESET\n    at TCP.onread (net.js:550:26)')).toBe(true);
    expect(hasWitness('调用接口时我遇到了 connection refused')).toBe(true);
  });

  it("hears a log line behind a container's name, as docker compose prints it", () => {
    expect(hasWitness('lemmy_1     | 2022-11-16T10:44:18.762862Z  WARN job errored: dns error')).toBe(true);
    expect(hasWitness('web-1  | 12:00:01 connect ECONNREFUSED 10.0.0.2:5432')).toBe(true);
    const pullRequest =
      'So this PR aborts retry in such cases.\nHere are some of the errors:\n```\nlemmy_1 | 2022-11-16T10:44:18Z WARN Job errored: error trying to connect: dns error: failed to lookup address information: Name does not resolve\n```';
    expect(problemsOf(pullRequest).network).toEqual(['dns-failure']);
  });

  it("hears no witness in a short quotation: someone else's words", () => {
    expect(hasWitness('It doesn’t mean your app is “a bit slow today.” It means nothing listens there.')).toBe(false);
    expect(hasWitness('The docs say "I never retry" but the client does.')).toBe(false);
    expect(hasWitness('Since today “Connection refused” on every delivery.')).toBe(true);
    const explainer =
      '“Connection refused” is a blunt message. It doesn’t mean your app is “a bit slow today.”\n“Connection refused” is TCP’s way of saying: nothing listens on that port.';
    expect(problemsOf(explainer).network).toEqual([]);
  });

  it('hears none in a table row whose first cell is a name', () => {
    expect(hasWitness('| retries | 2022-11-16 is the date the policy started |')).toBe(false);
  });

  it('hears none in a release line whose time does not open the line, nor in a definition', () => {
    expect(hasWitness('@someone released this 06 Dec 21:44\n\nBug Fixes\n  • Adds retry to ECONNRESET errors')).toBe(false);
    expect(hasWitness('ETIMEDOUT\nNo connection established in specified time.')).toBe(false);
  });
});

describe('an explainer names errors for its reader', () => {
  it('drops the failures of a page titled "What is …" or "…とは"', () => {
    const english = 'What is ECONNREFUSED\n\nECONNREFUSED means the connection was refused: nothing listens on the port.';
    const japanese =
      '接続タイムアウトとは?\n接続タイムアウトとは、相手のサーバーからの応答が一定時間内に返ってこない状態です。通信がタイムアウトになります。';
    expect(talkCue(english)).toBe('explainer');
    expect(problemsOf(english).network).toEqual([]);
    expect(problemsOf(japanese).network).toEqual([]);
  });

  it('drops the failures of a page that tells when errors of a kind occur, in English or Chinese', () => {
    const english =
      'ETIMEDOUT errors in n8n occur when an LLM API call exceeds the HTTP connection timeout. Fix this by raising N8N_HTTP_TIMEOUT.';
    const chinese = '常见触发场景\n• 触发ConnectException：DNS解析失败、服务器端口未开放、连接超时';
    expect(talkCue(english)).toBe('explainer');
    expect(problemsOf(english).network).toEqual([]);
    expect(problemsOf(chinese).network).toEqual([]);
    // One error that occurs when something is done is a report.
    expect(
      problemsOf('The system randomly shows cURL error 35: OpenSSL SSL_connect, and the error occurs when looping back').network,
    ).toEqual(['tls-handshake']);
  });

  it('drops the failures of a page that tells what an error means in general', () => {
    const page =
      'Authentication errors\n\nThis error occurs when the Authorization header is not formatted correctly.\n' +
      'Common causes include: missing the Bearer prefix, for example `Authorization: sk_live_4eC39HqLyjWDarjtT1zdp7dc`.';
    expect(talkCue(page)).toBe('explainer');
    expect(problemsOf(page).mistakes).toEqual([]);
  });

  it('keeps the failure of someone asking about their own error, or of a writer who got it', () => {
    const asked = '# How to solve ESOCKETTIMEDOUT exception?\n\nerror: ESOCKETTIMEDOUT after 20 seconds';
    const told = 'What is ECONNREFUSED\n\nI get connect ECONNREFUSED 127.0.0.1:443 when the webhook is sent.';
    expect(talkCue(asked)).toBeNull();
    expect(problemsOf(asked).network).toEqual(['timeout']);
    expect(problemsOf(told).network).toEqual(['connection-refused']);
  });

  it('keeps the statuses an explainer names: a status named is a status', () => {
    expect(problemsOf('What is a 503 Service Unavailable\n\nThe server answers HTTP 503 when it is overloaded.').codes).toEqual([503]);
  });
});

describe('a release or a pull request names the failures it handles', () => {
  it('drops the network failures of release notes and of a pull request template', () => {
    const release = 'v0.2.3\n\n@someone released this 06 Dec 21:44\n\nBug Fixes\n\n  • Adds retry to ECONNRESET errors';
    const pull = '# Retry transient errors\n\nRetry ETIMEDOUT errors in the adapter.\n\n- [ ] This change requires a documentation update';
    const chinese = '# 拒绝连接后重试\n添加 API_ECONNREFUSED_RETRY_TIME 配置，用于在请求拒绝连接异常时，进行重试';
    expect(talkCue(release)).toBe('change');
    expect(problemsOf(release).network).toEqual([]);
    expect(problemsOf(pull).network).toEqual([]);
    expect(problemsOf(chinese).network).toEqual([]);
  });

  it('keeps a setup mistake a pull request shows: the broken body is the mistake itself', () => {
    const pull =
      '# Add a missing comma in the example\n\nThis PR adds a missing comma in the example JSON object.\n\n' +
      '```json\n{\n  "name": "Adam"\n  "pet": "dog"\n}\n```';
    expect(talkCue(pull)).toBe('change');
    expect(problemsOf(pull).mistakes).toEqual(['invalid-json']);
  });

  it('reads a list of version headings as releases, whatever their entries say', () => {
    const releases =
      'Releases: someone/socket-client\n\nVersion 2.0.1\n\nreconnect after econnreset\n\nVersion 2.0.0\n\n  • add a ConnectionTimeout option';
    const changelog = '## [3.1.0] - 2024-05-02\n- Retry on ETIMEDOUT\n\n## [3.0.2] - 2024-04-11\n- Log socket hang up';
    expect(talkCue(releases)).toBe('change');
    expect(problemsOf(releases).network).toEqual([]);
    expect(problemsOf(changelog).network).toEqual([]);
  });

  it('reads a bracketed fix tag as a change: the title names the failure it fixes', () => {
    const pull = '# [Bugfix] x509: certificate signed by unknown authority';
    expect(talkCue(pull)).toBe('change');
    expect(problemsOf(pull).network).toEqual([]);
    expect(problemsOf('# x509: certificate signed by unknown authority').network).toEqual(['tls-certificate']);
  });

  it('keeps a report whose issue form answers a version: a bare number is no heading', () => {
    const report = '### Version\n5.4.0\n\n### Dart Version\n3.13.9\n\nDio error: Connection closed before full header was received';
    expect(talkCue(report)).toBeNull();
    expect(problemsOf(report).network).toEqual(['unexpected-eof']);
    const vAnswers = '### What happened\nconnect ECONNREFUSED 10.0.0.5:443\n### Node version\nv18.17.0\n### Library version\nv2.3.1';
    expect(talkCue(vAnswers)).toBeNull();
    expect(problemsOf(vAnswers).network).toEqual(['connection-refused']);
    const vReleases = 'v1.3.0 (2023-05-01)\n- handle ECONNRESET on send\n\nv1.2.9 - 2023-04-02\n- retry on ETIMEDOUT';
    expect(problemsOf(vReleases).network).toEqual([]);
  });

  it('keeps the failures of a pull request whose log shows them happening', () => {
    const pull = 'Fixes #12\n\n2024-01-02 10:00:01 ERROR webhook delivery failed: connect ECONNREFUSED 10.0.0.4:443';
    expect(talkCue(pull)).toBeNull();
    expect(problemsOf(pull).network).toEqual(['connection-refused']);
  });
});

describe('reference material enumerates errors, each with what it means', () => {
  const list =
    '1. ECONNREFUSED\nThis is caused if there is no process listening at the port.\n' +
    '2. EHOSTUNREACH\nThe host is unreachable: no route to it exists.\n' +
    '3. ECONNRESET\nThe remote host sent a reset packet and closed the connection.\n';

  it('drops the failures of a numbered list, a table and a JSON enum of names and meanings', () => {
    const table =
      '| Code | Meaning |\n|---|---|\n| ETIMEDOUT | Connection timed out before the server answered. |\n' +
      '| ECONNREFUSED | Connection refused by the target machine. |\n| EHOSTUNREACH | No route to host, the host is unreachable. |';
    const json =
      'module.exports = { fields: [\n { title: "ETIMEDOUT", description: "A network connection timed out." },\n' +
      ' { title: "ECONNREFUSED", description: "The server refused the connection." },\n' +
      ' { title: "ECONNRESET", description: "A network connection was reset by the remote host." } ] }';
    expect(problemsOf(list).network).toEqual([]);
    expect(problemsOf(table).network).toEqual([]);
    expect(problemsOf(json).network).toEqual([]);
  });

  it('keeps the report after a quoted list: it lies outside the block', () => {
    const issue = `The docs list these errors:\n\n${list}\nSince Monday we get Error: connect ECONNREFUSED 10.0.0.4:443 on every delivery.`;
    expect(problemsOf(issue).network).toEqual(['connection-refused']);
  });

  it('drops the general prose around a list in a text without a witness: the page is reference', () => {
    const page = `${list}ECONNRESET is received by either host when the other resets the connection.`;
    expect(talkCue(page)).toBe('reference');
    expect(problemsOf(page).network).toEqual([]);
  });

  it('keeps failures inside a block that a log fills: each line happened', () => {
    const log =
      '2024-01-02 10:00:01 | ETIMEDOUT | Connection timed out after 30000 ms\n' +
      '2024-01-02 10:00:05 | ECONNREFUSED | Connection refused by 10.0.0.4\n' +
      '2024-01-02 10:00:09 | ECONNRESET | Connection reset by peer during the read';
    expect(problemsOf(log).network.sort()).toEqual(['connection-refused', 'connection-reset', 'timeout']);
  });

  it('needs three different names: two entries make no reference block', () => {
    const two =
      '1. ECONNREFUSED\nThis is caused if there is no process listening at the port.\n2. ECONNRESET\nThe remote host sent a reset.\n';
    expect(problemsOf(two).network.length).toBeGreaterThan(0);
  });
});
