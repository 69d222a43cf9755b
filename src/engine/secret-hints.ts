// What makes text worth running the redactor over. Kept apart from the redactor itself so that
// content.js can tell "certainly holds no secret" without bundling the redactor (size budget).

/** Query parameters whose value is a secret whatever it looks like (`?sig=`, `&code=`, `?key=`). */
export const SECRET_PARAM =
  /^(?:sig|signature|key|code|auth|password|passwd|pwd|[\w-]*token|[\w-]*secret|[\w-]*api[-_]?key|access[-_]?key)$/i;

/**
 * Everything redactSecretsInText acts on: a secret-named key (authorization, api key, token,
 * password, secret), a URL, a secret-named query parameter, or a run of 20 token characters. Text
 * without any of them comes back from the redactor unchanged.
 */
export const MAY_HOLD_SECRET =
  /authorization|api[-_]?key|token|passw|secret|[\w.=+/-]{20}|:\/\/|[?&;#](?:sig|signature|key|code|auth|pwd)=/i;
