// curl's `-u`/`--user` and a URL's userinfo, where Mailgun, Twilio and Stripe take their keys.
import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { userFlagStandIns } from '../../src/engine/detect/credential/credential-user-flag';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const ran = (line: string): string => `I get 401 Forbidden when I run:\n${line}`;

describe("stand-ins in curl's --user and in a URL's userinfo", () => {
  it.each([
    ['a described key after -u', "curl -s -u 'api:YOUR_API_KEY' https://api.mailgun.net/v3/x/messages", 'placeholder-token'],
    ['a run of x after --user', 'curl --user api:xxxxxxxxxxxxxxxx https://api.mailgun.net/v3/x/messages', 'placeholder-token'],
    ['a fill-in word after -u', 'curl -u "ACb1f6adf3f9168535dba12e868a76e2e4:REPLACE_ME" https://api.twilio.com/', 'placeholder-token'],
    ['a key cut in the middle after -u', 'curl -u api:key-3ax6…f7fd5 https://api.mailgun.net/v3/x/messages', 'masked-token'],
    ['a run of x as the userinfo', 'curl https://api:xxxxxxxxxxxx@api.mailgun.net/v3/x/messages', 'placeholder-token'],
    ['a fill-in word as the userinfo', 'curl https://api:changeme@api.mailgun.net/v3/x/messages', 'placeholder-token'],
  ])('finds %s', (_shape, line, problem) => {
    expect(problemsIn(ran(line))).toContain(problem);
  });

  it.each([
    ["a test's own login", 'curl -u admin:password http://localhost:8080/api'],
    ["a tool's mask of the whole password", 'curl -u api:**** https://api.mailgun.net/v3/x/messages'],
    ['a URL given to a -u flag of another tool', 'slackcmd.py -u https://hooks.slack.com/services/******** -c "#jobs"'],
    ['a real-looking key', 'curl -u api:key-3ax6xnjp29jd6fds4gc373sgvjxteol0 https://api.mailgun.net/v3/x/messages'],
    ["plain words as a URL's userinfo", 'curl https://user:password@example.com/'],
  ])('leaves alone %s', (_shape, line) => {
    expect(problemsIn(ran(line))).toEqual([]);
  });

  it('shows the stand-in, never the user name around it', () => {
    const [finding] = userFlagStandIns("curl -u 'api:YOUR_API_KEY' https://x");
    expect(finding?.excerpt).toBe('YOUR_API_KEY');
  });
});
