// How people write that a credential went out wrong: the sentences of bug reports, fix
// descriptions and receivers' replies, per problem and in the languages issues are written in.
// Only the patterns live here; credential-prose.ts reads them around anchor words, and
// ruledOut() drops sentences that speak of the mistake without saying it happened.

import { FAILURE_SIGNAL, hasCausesHeading } from './credential-context';
import { inWishSection, isRuleInDoc, namesACauseInGeneral, speaksWithoutReporting } from './credential-register';
import { STAND_IN, standInOfOtherHeader } from './credential-stand-in-header';
import { splitAlternation } from '../shared/regex-union';

export type ToldProblem = 'missing-bearer-prefix' | 'masked-token' | 'placeholder-token';

/** A quote or code span around a word: one mark, or up to three backticks (```Bearer```), maybe in bold (**Bearer**). */
const QUOTE = `(?:\\*\\*)?["'\`“”‘’「」]?\`{0,2}(?:\\*\\*)?`;
const BEARER = `${QUOTE}bearer\\s?${QUOTE}`;
const BEARER_NOUN = '(?:prefix|scheme|keyword|key ?word|word|string|text|part|type|token type|header prefix|notation)';
/** A scheme-less credential: the noun people use for it. */
const BARE_TOKEN = '(?:bare|raw|plain|naked)\\s+(?:jwt|token|key|api\\s*key|access\\s+token)';

/** Sentences saying the Bearer scheme was missing or had to be added. */
const MISSING_BEARER = [
  // en: "missing the Bearer prefix", "forgot to add 'Bearer '", "added Bearer prefix"
  `(?:missing|without|lacks?|lacking|omit(?:s|ted)?|forg[eo]t(?:ten|ting)?(?:\\s+to\\s+(?:add|include|prepend|put))?|no|(?:didn['’]?t|did\\s+not|does\\s+not|doesn['’]?t)\\s+(?:add|include|have|use|prepend|contain)|needs?(?:ed)?\\s+(?:to\\s+)?(?:add|include|prepend|have|use|contain)|(?:re)?add(?:s|ed|ing)?|prepend(?:s|ed|ing)?|requires?|required|must\\s+(?:be\\s+prefixed\\s+with|include|contain|start\\s+with|begin\\s+with|have|use)|expects?|expected)\\s+(?:(?:the|a|an)\\s+)?${BEARER}\\s*${BEARER_NOUN}`,
  `(?:missing|without|forg[eo]t(?:ten)?\\s+(?:to\\s+add\\s+)?|add(?:ed|ing)?|prepend(?:ed|ing)?)\\s+(?:(?:the|a)\\s+)?["'\`“‘]bearer\\s?["'\`”’]`,
  `${BEARER}\\s*${BEARER_NOUN}?\\s*(?:is|was|were|got)?\\s*(?:missing|absent|omitted|forgotten|not\\s+(?:added|included|present|there|set|prepended)|required|needed)`,
  `(?:try|use|using|used)\\s+${BEARER}\\s+instead\\s+of`,
  `(?:forg[eo]t(?:ten)?\\s+(?:to\\s+)?(?:add|put|include|prepend|use)|have\\s+to\\s+have|must\\s+have|need(?:ed|s)?\\s+to\\s+(?:add|have|put|include))\\s+(?:(?:the|a)\\s+)?${BEARER}(?!\\s*token)`,
  `(?:requires?|must|needs?|should)\\s+(?:\\S+\\s+){0,5}?(?:contain|include|use|have|start\\s+with|begin\\s+with)\\s+(?:(?:the|a)\\s+)?${BEARER}\\s*(?:scheme|prefix|keyword)`,
  `(?:pass(?:ing|ed)?|send(?:ing)?|sent|us(?:e|ing|ed))\\s+(?:the\\s+|it\\s+|my\\s+)?(?:api[ -]?key|token|key|it)\\s+as\\s+(?:a\\s+)?${BEARER}`,
  // The token must be prefixed with Bearer, not with another scheme word: "'Bearer' instead of 'JWT'".
  `prefixed\\s+with\\s+${BEARER}\\s+instead\\s+of`,
  `(?:replac(?:e|ed|ing)|chang(?:e|ed|ing))\\s+${QUOTE}(?:jwt|token|basic)${QUOTE}\\s+(?:with|to|by)\\s+${BEARER}`,
  // A wrong or garbled scheme changed into Bearer: "the earer → Bearer change", "JWT -> Bearer".
  // The scheme is read behind the arrow: a pattern that could start at any e, a or r would be
  // tried at most letters of a text.
  `(?<=\\b(?:jwt|token|basic|(?!bearer\\b)[bear]{4,7})${QUOTE}\\s*)(?:→|->|=>|⇒)\\s*${BEARER}`,
  // A space is missing between the scheme and the token: "BearereyJ…".
  `space\\s+between\\s+(?:the\\s+)?${QUOTE}(?:bearer|prefix|scheme|header\\s*prefix|headerprefix)${QUOTE}\\s*(?:\\w+\\s+)?and\\s+(?:the\\s+)?(?:token|value|jwt|key)`,
  `authorization["']?\\s*:\\s*["']?bearer(?=ey[A-Za-z0-9_-]{8})`,
  `${BEARER}\\s+(?:needs|has)\\s+to\\s+be\\s+(?:added|included|prepended)`,
  // The scheme seen absent from what went out: "the missing **Bearer** key in front".
  `(?:missing|without|no)\\s+(?:(?:the|a)\\s+)?${BEARER}\\s*(?:\\w+\\s+)?(?:in\\s+front\\b|before\\s+the\\s+(?:token|key|value|jwt))`,
  // A fix that now puts the scheme in: "Now includes 'Bearer' prefix to token", "Prefix auth token with 'Bearer'".
  `\\bnow\\s+(?:includes?|adds?|prepends?|sends?|uses?)\\s+(?:the\\s+|a\\s+)?${BEARER}\\s*${BEARER_NOUN}`,
  `\\bprefix(?:es|ed|ing)?\\s+(?:the\\s+|an?\\s+|our\\s+|each\\s+)?(?:auth(?:orization)?\\s+|access\\s+|api\\s+)?(?:tokens?|keys?|jwts?)\\s+with\\s+${BEARER}`,
  // A tool that leaves the word out: "the tool doesn't add the word \"Bearer\" after \"Authentication:\"".
  `(?:do(?:es)?n['’]?t|do(?:es)?\\s+not|did(?:n['’]?t|\\s+not)|never)\\s+(?:add|include|put|prepend|send)\\s+(?:the\\s+)?(?:word|prefix|keyword|string|scheme)\\s+${BEARER}`,
  // The scheme taken off on the way: "\"Bearer\" being removed from header".
  `${BEARER}\\s*(?:(?:prefix|word|part)\\s+)?(?:is|was|being|got|gets|getting|were)\\s+(?:being\\s+)?(?:removed|stripped|dropped|lost|cut)\\s+(?:from|off|out\\s+of)\\b`,
  // The scheme put in front of the credential, told as a change or a need: "Appending Bearer
  // keyword to the authkey", "add Bearer to authorization", "add Bearer in Headers
  // Authorization", "needs `Bearer ` in front". In its
  // bare imperative form it counts only as a title (see ruledOut): further down a text it is a
  // doc's instruction. One alternative for both tails, so each position is tried once.
  `(?:append|add|prepend|insert|put|attach|need|require)(?:s|ed|ing)?\\s+(?:the\\s+|a\\s+)?${BEARER}\\s*(?:${BEARER_NOUN}\\s+)?(?:(?:to|before|in\\s+front\\s+of|into)\\s+(?:(?:the\\s+)?prefix\\s+of\\s+)?(?:the\\s+|our\\s+|my\\s+|each\\s+|every\\s+)?(?:auth\\w*|tokens?|headers?|keys?|jwts?|access[\\s_-]*tokens?|api[\\s_-]*keys?|values?|credentials?)|in\\s+front\\b|in\\s+(?:the\\s+)?headers?\\s+auth\\w*|in\\s+(?:the\\s+)?auth\\w*\\s+headers?)`,
  // A token sent with no scheme at all.
  `(?:send(?:s|ing)?|sent|pass(?:es|ing|ed)?|us(?:e|es|ing|ed)|past(?:e|es|ed|ing))\\s+(?:only\\s+|just\\s+)?(?:a|the)\\s+${BARE_TOKEN}`,
  `(?:missing|without|no|forgot)\\s+(?:the\\s+)?(?:word|prefix|scheme|keyword|string)\\s+${BEARER}`,
  `(?:only|just)\\s+the\\s+(?:raw\\s+|bare\\s+|plain\\s+)?(?:token|jwt|access\\s+token|api\\s*key)\\b[^.!?\\n]{0,40}?(?:authorization|header)`,
  `(?:authorization|header)[^]{0,160}?(?:does(?:n['’]?t|\\s+not)\\s+have|has\\s+no|lacks?|without|missing)\\s+(?:a\\s+|an\\s+|any\\s+|the\\s+)?(?:auth\\w*\\s+)?scheme\\b`,
  // The scheme absent from what was sent: "there is no \"bearer\" as part of the authorization header".
  `there(?:\\s+(?:is|was)|['’]s)\\s+no\\s+${BEARER}\\s+(?:as\\s+(?:a\\s+)?part\\s+of|in|inside|before|in\\s+front\\s+of|at\\s+the\\s+(?:start|beginning)\\s+of)\\s+(?:the\\s+)?(?:authorization|auth\\w*|headers?|tokens?|values?)`,
  // Receivers' own words when the scheme is missing (express-jwt, hapi, Flask-JWT).
  `format\\s+(?:is|must\\s+be|should\\s+be)\\s*:?\\s*(?:authorization\\s*:\\s*)?${BEARER}`,
  // The scheme left out, told with a negated verb: "we are not appending Bearer to our requests".
  // Not an instruction opening its sentence ("Do not include Bearer in the key field").
  `(?<!(?:^|[.!?\\n]\\s*)(?:please\\s+)?(?:do\\s*)?)(?:\\bnot|n['’]t|\\bnever)\\s+(?:\\w+\\s+)?(?:append|add|prepend|includ|put|send|pass)\\w*\\s+(?:the\\s+|a\\s+)?${BEARER}(?!\\s*token)`,
  // A colon after the scheme (\`Bearer: <token>\`), told in words: "drop the colon following
  // Bearer", "the purpose of the colon after Bearer", "format has erroneous colon".
  `(?:colon|["'\`]:["'\`])\\s+(?:(?:that\\s+)?(?:comes?|is|was)\\s+)?(?:after|following|behind)\\s+(?:the\\s+)?(?:word\\s+)?${BEARER}`,
  `${BEARER}\\s*(?:\\w+\\s+){0,3}?(?:has|had|with|contains?|includes?)\\s+(?:an?\\s+|the\\s+)?(?:erroneous|extra|wrong|stray|incorrect|unnecessary|superfluous)\\s+colon`,
  // zh, ja, ko
  `(?:没有|沒有|没|未|缺少|缺|忘了|忘记|忘記|需要|要|漏了)了?(?:加|添加|带|帶)?上?\\s*${BEARER}`,
  `(?:加上|添加|带上|帶上)[^。\\n]{0,10}?${BEARER}`,
  `(?:加)\\s*${BEARER}`,
  `${BEARER}\\s*(?:前缀|前綴)?\\s*(?:没有|沒有|没加|缺少|漏了)`,
  `${BEARER}.{0,12}(?:を?付け忘れ|をつけ忘れ|を?忘れ|が抜け|抜けて|が必要|がな[いく]|なし)`,
  `${BEARER}.{0,20}(?:추가|빠[져뜨졌]|빼먹|누락|붙여|붙이|포함(?:하|되)지\\s*않|포함\\s*안)`,
  `(?:prefix|접두사|프리픽스).{0,20}(?:빼먹|누락|빠[져뜨졌])`,
  // es, pt, de, fr
  `(?:falta(?:ba)?|sin|agregar|añadir|agregu[ée]|añad[íi]|olvid[ée]\\s+(?:agregar|poner)|faltando|sem|adicionar)\\s+(?:el\\s+|o\\s+)?(?:prefijo\\s+|prefixo\\s+)?${BEARER}`,
  // The German word starts a word of its own: "Bearer aaaafehlt" is a token, not a sentence.
  `${BEARER}(?:.{0,20}?[\\s"'\`„“”:,(])?(?:fehlt|vergessen|hinzugef[üu]gt|erg[äa]nzt)`,
  `(?:ohne|fehlende[sn]?)\\s+(?:das\\s+|den\\s+)?(?:pr[äa]fix\\s+)?${BEARER}`,
  `(?:sans|manque|oubli[ée]?|ajout(?:er|é|ant)?)\\s+(?:le\\s+|du\\s+)?(?:pr[ée]fixe\\s+)?${BEARER}`,
  // it, nl, ru
  `(?:senza|mancava|manca|dimenticat[oa]\\s+(?:di\\s+)?(?:aggiungere|mettere)|aggiungere)\\s+(?:il\\s+|l['’])?(?:prefisso\\s+)?${BEARER}`,
  `(?:zonder|vergeten)\\s+(?:de\\s+|het\\s+)?(?:prefix\\s+)?${BEARER}|${BEARER}.{0,20}(?:vergeten|ontbr(?:eekt|ak))`,
  `(?:без|забыл[аи]?\\s+(?:добавить|указать|дописать)|не\\s+добавил[аи]?|добавить)\\s+(?:префикса?\\s+)?${BEARER}`,
  `${BEARER}.{0,20}(?:не\\s+(?:был|добавлен|указан)|отсутств)`,
];

/** Words for a credential, in the languages of the sentences below. */
const SECRET_WORD =
  '(?:password|passwort|mot de passe|contraseña|senha|chiave|wachtwoord|пароль|ключ|токен|api[ _-]?keys?|keys?|tokens?|secrets?|credentials?|密码|密碼|秘钥|密钥|凭据|憑據|パスワード|비밀번호|키)';
/**
 * Words for a masked value: the mask itself, or what people call it. A run of mask characters is
 * taken whole (nothing of the same run before or after it): the gaps around it may hold the same
 * characters, and a run that could start or end anywhere made a key of a few thousand stars cost
 * seconds. "masked" is a word of its own: in `api_key_masked` it names a field, in "unmasked" it
 * says the opposite.
 */
const MASK_WORD =
  '(?:(?<!\\w)masked|masquée?|maskiert|enmascarad[ao]|mascarad[ao]|mascherat[ao]|asterisks?|asterisc(?:os|hi)|astérisques|sternchen|sterretjes|звёздочк[а-яё]*|звездочк[а-яё]*|stars|obfuscated|truncated(?=\\s+(?:\\S+\\s+)?(?:api\\s*)?(?:keys?|tokens?|secrets?|values?|variants?|passwords?))|(?<![*•●#])(?:\\*{3,}|•{3,}|●{3,}|#{3,})(?![*•●#])|\\b(?:sk|pk|rk|key|api)[-_][\\w-]{0,12}(?:\\.{3}|…)\\w{2,8}\\b|(?:three|four|five|six|3|4|5|6|x-mal|several|multiple)\\s+\\*|(?:the|its|a|this|that|ui|display)\\s+mask(?:\\s+(?:token|value|string|placeholder))?\\b|mask\\s+(?:token|value|string|sentinel)|["\'`](?:\\*{1,3})?[[<]?redacted[\\]>]?(?:\\*{1,3})?["\'`]|掩码|マスク|마스킹)';
/** Saving or sending it. */
const KEPT_WORD =
  '(?:pass(?=\\s+(?:this|that|it|these|those)\\b)|sav(?:e|ed|es|ing)|stor(?:e|ed|es|ing)|writ(?:e|es|ten|ing)(?:\\s+(?:back|to))?|wrote(?:\\s+back)?|变成|變成|变为|写进|寫進|gesetzt|sent|send(?:s|ing)?|submitt?(?:ed|s|ing)?|post(?:s|ed|ing)|pass(?:es|ed|ing)|transmit(?:s|ted|ting)?|appl(?:y|ied|ies)|persist(?:s|ed)?|overwr\\w+|replac(?:e|ed|es|ing)|bec(?:ame|omes?)|used\\s+as|as[ -]is|literally|reach(?:es)?\\s+the\\s+wire|gespeichert|gesendet|übernommen|ersetzt|enregistr\\S*|envoy\\S*|guardad[ao]|enviad[ao]|salv[ao]|salvat[ao]|inviat[ao]|opgeslagen|verzonden|сохран[а-яё]+|отправ[а-яё]+|保存|入库|入庫|发给|發給|写回|寫回|提交|送信|저장|전송)';
const SEND_VERB =
  '(?:us(?:e|es|ed|ing)|treat(?:s|ed|ing)?|sen[dt]s?|sending|post(?:s|ed|ing)|submit(?:s|ted|ting)?|pass(?:es|ed|ing)|sav(?:e|es|ed|ing)|stor(?:e|es|ed|ing)|transmit(?:s|ted|ting)?)';
/** A character of the same sentence: a dot inside a word ("sk-ab1...9xyz", "v1.2") does not end it. */
const IN_SENTENCE = '(?:[^.!?\\n。]|\\.(?!\\s))';
/** Something failed because of it. */
const BROKE =
  '(?:break(?:s|ing)?|broke|caus(?:e|es|ed|ing)|fail(?:s|ed|ing)?|rejected|returns?\\s+401|(?:got|get|gets)\\s+401|401|403|invalid|unauthori[sz]ed)';

/** Sentences saying a masked value was saved or sent as the credential. */
const MASKED = [
  `${SECRET_WORD}[^.!?\\n。]{0,60}?${MASK_WORD}[^.!?\\n。]{0,60}?${KEPT_WORD}`,
  `${SECRET_WORD}[^.!?\\n。]{0,60}?${KEPT_WORD}[^.!?\\n。]{0,40}?${MASK_WORD}`,
  // The mask first, then the secret and the keeping in either order ("the masked value was
  // written back over the real secret"); the keeping first, then the mask and the secret in either
  // order ("replaces the stored `client_secret` with the masked placeholder"). Each shares its
  // first word, so one attempt per position serves both orders.
  `${MASK_WORD}[^.!?\\n。]{0,40}?(?:${SECRET_WORD}[^.!?\\n。]{0,60}?${KEPT_WORD}|${KEPT_WORD}[^.!?\\n。]{0,40}?${SECRET_WORD})`,
  `${KEPT_WORD}[^.!?\\n。]{0,40}?(?:${MASK_WORD}[^.!?\\n。]{0,20}?${SECRET_WORD}|${SECRET_WORD}\\S{0,3}\\s+(?:with|by|for)\\s+(?:the\\s+|a\\s+|an\\s+|its\\s+)?(?:\\S+\\s+)?${MASK_WORD})`,
  // "the backend receives a password in the format \"******\"", "Postman sends `******` as the body"
  `(?:sends?|sent|sending|saves?|saved|stores?|stored|writes?|written|receives?|received)\\s+(?:(?:the|a|an)\\s+)?(?:(?:password|key|token|secret|value|string)\\s+)?(?:in\\s+the\\s+format\\s+)?["'\`]?[*•●]{3,}`,
  // The mask, then what was done with it, one sentence later: "returned `******` … used this string as the api key".
  `${MASK_WORD}[^\\n]{0,160}?${SEND_VERB}\\s+(?:this|that|the|it|these|those)\\s*(?:string|mask|value|placeholder|masked\\s+value)?\\s+as\\s+(?:the\\s+|a\\s+|an\\s+)?(?:plain\\s*text\\s+|real\\s+|actual\\s+)?${SECRET_WORD}`,
  // "posting the UI mask token as the NNTP password"
  `${SEND_VERB}\\s+(?:the\\s+|a\\s+|its\\s+)?[^.\\n]{0,40}?${MASK_WORD}[^.\\n]{0,60}?\\s+as\\s+(?:the|a|an|their|its)?\\s*(?:\\w+\\s+){0,2}${SECRET_WORD}`,
  // A masked or truncated key that fails: "every truncated variant returns 401", "masked passwords breaking the test".
  `${MASK_WORD}\\s+(?:\\S+\\s+){0,2}?(?:${SECRET_WORD}|variants?|values?)${IN_SENTENCE}{0,80}?${BROKE}`,
  // The mask characters themselves were kept: "actual \"*\" were saved in the field".
  `(?:actual|literal|real)\\s+["'\`]?[*•●#]{1,40}["'\`]?\\s+(?:were|was|got|gets|are|is|have\\s+been|has\\s+been)\\s+${KEPT_WORD}`,
  // zh: the key carries the mask, and that makes the call fail ("api-key带掩码导致测试失败").
  // Its own words for the key and the mask: short, and a run of stars followed by any character
  // would backtrack over the whole run.
  '(?:api[ _-]?key|密钥|秘钥|密码|密碼|令牌|token)[^。\\n]{0,20}?(?:掩码|掩碼|星号|星號)[^。\\n]{0,30}?(?:导致|導致|造成|引起)[^。\\n]{0,30}?(?:失败|失敗|错误|錯誤|报错|報錯)',
  // A credential built from the mask went out: "transmits a credential derived from `******`".
  `${SEND_VERB}\\s+(?:a|the)\\s+${SECRET_WORD}\\s+(?:derived|built|made|computed)\\s+from\\s+["'\`]?${MASK_WORD}`,
  '\\bmask\\s+(?:reaches|hits|goes\\s+(?:out\\s+)?(?:on|over|to))\\s+the\\s+wire',
  // The stored secret was replaced by stars, and something stopped working.
  `${SECRET_WORD}[^]{0,120}?(?:replac(?:ed|es)|overwritten|set|changed)\\s+(?:\\w+\\s+){0,3}?(?:by|with|to|auf)\\s+${MASK_WORD}(?=[^]{0,160}?(?:not\\s+(?:usable|useable|work\\w*|sent)|fail|error|401|403|invalid|cannot|can['’]t))`,
  // "it stores that instead of the key": the mask kept in place of the secret.
  `${MASK_WORD}${IN_SENTENCE}{0,80}?${SEND_VERB}\\s+(?:that|it|this|them)\\s+instead\\s+of\\s+(?:the\\s+|my\\s+|our\\s+|real\\s+|actual\\s+)*${SECRET_WORD}`,
  // "the Authorization header contains ### and every call is rejected"
  `(?:authorization|${SECRET_WORD})\\s+(?:header\\s+|field\\s+|value\\s+)?(?:contains?|has|had|holds?|shows?|is|was|became|becomes|now\\s+reads?)\\s+(?:only\\s+|just\\s+|now\\s+)?["'\`]?${MASK_WORD}(?=${IN_SENTENCE}{0,100}?${BROKE})`,
  // "after saving, the field holds only ******** and the API answers 401", in several languages.
  `(?:after\\s+(?:re-?)?sav(?:e|ing)|nach\\s+dem\\s+speichern|beim\\s+speichern|après\\s+(?:l['’])?enregistrement|después\\s+de\\s+guardar|depois\\s+de\\s+salvar|dopo\\s+(?:il\\s+)?salvataggio|保存后|保存後|保存すると|저장\\s*후)${IN_SENTENCE}{0,60}?${MASK_WORD}(?=[^]{0,100}?${BROKE})`,
  // A fix that sends the real secret where a mask or a sentinel went before: "use real password
  // instead of PLACEHOLDER_PASSWORD", "pass the stored key instead of the masked one".
  `(?:us(?:e|es|ed|ing)|sen[dt]s?|sending|pass(?:es|ed|ing)?)\\s+(?:the\\s+)?(?:real|actual|stored|saved|original)\\s+${SECRET_WORD}\\s+instead\\s*of\\s+(?:the\\s+)?["'\`]?(?:${MASK_WORD}|[A-Z][A-Z0-9]*_?(?:MASK|PLACEHOLDER)[A-Z0-9_]*|[A-Z0-9_]*(?:MASK|PLACEHOLDER)_[A-Z0-9_]+|masked\\s+(?:one|value|string))`,
  // The stored secret swapped for a mask, told as the cause or followed by a failure: "because
  // the password is substituted with Xs", "the key gets replaced by dots and the test fails".
  `${SECRET_WORD}\\s+(?:is|was|are|were|gets?|got|has\\s+been|have\\s+been)\\s+(?:being\\s+)?(?:substituted|replaced|overwritten|swapped)\\s+(?:with|by|for)\\s+(?:x['’]?s\\b|x{3,}|asterisks|stars|dots|bullets|[*•●]{3,})(?:(?<=(?:\\b(?:because|since)\\b|${BROKE})${IN_SENTENCE}{0,120})|(?=${IN_SENTENCE}{0,100}?${BROKE}))`,
  // What the form shows in place of the secret, used in its place: "uses the modified value shown
  // in the API secret field instead of the original secret".
  `${SEND_VERB}\\s+(?:the\\s+|a\\s+|its\\s+)?(?:masked|altered|modified|displayed)\\s+value${IN_SENTENCE}{0,80}?instead\\s+of\\s+(?:the\\s+)?(?:original|real|actual|stored|saved)\\s+${SECRET_WORD}`,
  // An API that masks secrets on read, and the masked values written back: "API masks some
  // sensitive values like password. Handle it so that they are not post/put back".
  `\\bmasks\\s+${IN_SENTENCE}{0,60}?${SECRET_WORD}[^\\n]{0,80}?\\b(?:post(?:ed)?|put|sen[dt]|submitt?ed|sav(?:e|ed)|writ(?:e|ten))(?:\\/(?:post|put)(?:ed)?)?(?:\\s+(?:them|it|these|those))?\\s+back\\b`,
  // A reply telling the user to type the real value over the stars.
  `(?:change|replace)\\s+(?:the\\s+)?["'\`]?${MASK_WORD}["'\`]?\\s+(?:with|by)\\s+(?:the\\s+|your\\s+)?(?:real|actual|full)`,
];

/** The end of a fenced block, then the first words after it: a stand-in shown, then told of. */
const AFTER_FENCE = '[^\\n`]{0,40}\\n```[ \\t]*\\n\\s{0,4}\\(?';
/** Words saying that stand-in went out as it was. */
const SENT_AS_IS =
  '(?:literal(?:ly)?|unresolved|unrendered|not\\s+(?:being\\s+)?(?:replaced|resolved|rendered|substituted|templated|expanded|interpolated)|without\\s+interpolat\\w+|as\\s+is|no\\s+(?:variable\\s+)?(?:templating|substitution|expansion|interpolation)|string\\s+literal|instead\\s+of\\s+(?:the\\s+)?(?:actual\\s+|real\\s+)?value|(?:single|simple)\\s+quotes)';
/** Quotes the shell does not expand variables in. */
const SINGLE_QUOTES = '(?:single|simple)\\s+quot(?:es?|ation\\s+marks?)';
const EXPANSION = '(?:variables?|expan\\w+|substitut\\w+|interpolat\\w+)';

/** Sentences saying a placeholder was used as the credential. */
const PLACEHOLDER = [
  `placeholder\\s+(?:api\\s*keys?|keys?|tokens?|credentials?|secrets?|passwords?|values?)[^.!?\\n]{0,60}?(?:sent|used|passed|won|wins|instead|still|literal|falsely|hardcod\\w+|configured|reported)`,
  `(?:hardcod\\w+|left|still|literal(?:ly)?)\\s+(?:the\\s+)?placeholder\\s+(?:api\\s*keys?|keys?|tokens?|credentials?|values?)`,
  `${STAND_IN}[^\\n]{0,80}?${SENT_AS_IS}`,
  `${SENT_AS_IS}[^\\n]{0,80}?${STAND_IN}`,
  `${STAND_IN}${AFTER_FENCE}${SENT_AS_IS}`,
  // Substitution that never happened, told as a failure: "environment variable substitution does
  // not work in the token field", "using an env placeholder in bearerToken fails with 401".
  `${EXPANSION}\\s+(?:\\S+\\s+){0,3}?(?:does\\s+not|doesn['’]t|do\\s+not|don['’]t|did\\s+not|didn['’]t|is\\s+not|isn['’]t|never)\\s+(?:work|happen|get\\s+(?:replaced|expanded|resolved|substituted)|(?:being\\s+)?(?:applied|expanded|resolved))`,
  `(?:using|with)\\s+(?:an?\\s+|the\\s+)?(?:env(?:ironment)?\\s+)?(?:placeholder|variable|reference)\\s+in\\s+${IN_SENTENCE}{0,60}?(?:fails?|failed|401|403|unauthori[sz]ed|rejected)`,
  `(?:default|example|template|sample)\\s+(?:api\\s*)?(?:values?|keys?|tokens?|credentials?)[^.!?\\n]{0,40}?(?:picking|picked|used|uses|using|still|contains?|detected|wins?|won)`,
  // "picking the default 'some-super-secret-api-key' value", "falls back to the example key"
  `(?:pick(?:s|ed|ing)?|us(?:es|ed|ing)|falls?\\s+back\\s+to|fell\\s+back\\s+to|sen(?:ds|t|ding))\\s+(?:the\\s+)?(?:default|example|sample|template|placeholder|dummy)\\s+(?:\\S{1,60}\\s+)?(?:api\\s*)?(?:values?|keys?|tokens?|credentials?)`,
  // "if i give a sample string it shows invalid API key"
  `(?:sample|example|dummy|placeholder)\\s+(?:string|value|key|token)[^.!?\\n]{0,60}?(?:invalid|incorrect|rejected|unauthori[sz]ed|401)`,
  // Stand-ins said not to work where they were configured: "%paramname% and ${paramname} do not seem to work".
  `${STAND_IN}(?:\\s*(?:,|and|or)\\s*${STAND_IN})*\\s+(?:do|does|did)(?:n['’]t|\\s+not)\\s+(?:seem\\s+to\\s+)?(?:work|get\\s+(?:replaced|resolved|expanded|substituted))`,
  // A helper asking whether the stand-in was filled in: "Did you replace `$your_access_token` with your access token?"
  `did\\s+you\\s+(?:replace|change|swap|fill\\s+in|substitute)\\s+[\`"']?\\S{1,40}?[\`"']?\\s+with\\s+(?:your|the\\s+real|the\\s+actual|an?\\s+(?:real|actual|valid))\\s+(?:own\\s+)?(?:\\w+\\s+)?(?:tokens?|keys?|secrets?|passwords?|credentials?|values?)`,
  `(?:have|need|forgot|must)\\s+to\\s+replace\\s+[\`"']?\\S{1,40}?[\`"']?\\s+(?:part\\s+)?with\\s+(?:your|the)\\s+(?:actual|real|own)`,
  // "forgot to replace YOUR_API_KEY", "the key was still the placeholder"
  `forg[eo]t(?:ten)?\\s+to\\s+(?:replace|change|fill\\s+in|update|swap(?:\\s+out)?)\\s+(?:the\\s+)?["'\`]?(?:placeholder|example|sample|dummy|template|default|your[_ -]?\\w+|<[^>\\n]{1,40}>|\\{\\{[^}\\n]{1,40}\\}\\})`,
  `(?:still|was\\s+still|were\\s+still)\\s+(?:set\\s+to\\s+|had\\s+|has\\s+|contain(?:s|ed)?\\s+|using\\s+|sen(?:t|ds)\\s+)?(?:the\\s+|a\\s+)?(?:placeholder\\b|["'\`]?(?:<[A-Za-z][\\w .-]{1,40}>|\\{\\{[^}\\n]{1,40}\\}\\}|your[_ -][A-Za-z_-]{2,30}))`,
  // zh, ja, de, es, pt, fr, it: the placeholder or variable was not replaced.
  `(?:占位符|模板变量|模板變量|变量|變量)[^。\\n]{0,20}?(?:没有|沒有|未|没)(?:被)?(?:替换|替換|渲染|解析)|原样发送|原樣發送`,
  `(?:プレースホルダー?|変数)[^。\\n]{0,20}?(?:のまま|が?置き?換え(?:られ)?(?:てい)?な|展開され(?:てい)?な)`,
  `platzhalter[^.!?\\n]{0,40}?(?:nicht\\s+(?:ersetzt|ausgetauscht)|wörtlich|gesendet)`,
  `(?:marcador(?:\\s+de\\s+posición)?|variable|placeholder|variável|espace\\s+réservé|segnaposto|variabile)[^.!?\\n]{0,40}?(?:no\\s+(?:se\\s+)?(?:reemplaz|sustitu)\\S*|não\\s+(?:foi\\s+)?substitu\\S*|n['’]?a\\s+pas\\s+été\\s+remplac\\S*|non\\s+(?:è\\s+)?(?:stat[oa]\\s+)?sostituit\\S*|literalmente|littéralement|letteralmente)`,
  // The template's brackets went out with the value: "you need to remove the <>".
  `(?:remove|drop|delete|strip)\\s+(?:the\\s+)?(?:["'\`]?(?:<>|\\[\\]|\\{\\})["'\`]?|angle\\s+brackets|curly\\s+braces|brackets)`,
  // A shell header whose value is a variable's name without its `$`: "-H \"x-ha-access: HASSIO_TOKEN\"".
  `-H\\s+"(?:authorization|[\\w-]*(?:token|key|auth|access)[\\w-]*)\\s*:\\s*(?:bearer\\s+|token\\s+)?(?!(?:YOUR|MY|INSERT|ENTER|PASTE|REPLACE|EXAMPLE|SAMPLE)_)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:TOKEN|KEY|SECRET)"`,
  // A curl header in single quotes: the shell never expands the variable inside.
  `-H\\s+'(?:authorization|[\\w-]*(?:token|key|auth)[\\w-]*)\\s*:[^'\\n]*(?<![\\w$])\\$[A-Za-z_]\\w*[^'\\n]*'`,
  `${SINGLE_QUOTES}[^\\n]{0,80}?${EXPANSION}`,
  `${EXPANSION}[^\\n]{0,80}?${SINGLE_QUOTES}`,
  // An unset variable printed after the scheme: "Bearer undefined", "'Bearer False'", "Bearer null".
  `\\bbearer\\s+(?:undefined|null|nil|none|false|nan|\\[object\\s+object\\])\\b`,
  // Substitution told as failing: "Variable substitution fails silently", "substitution not working"
  // (the act, not the variables: "string variables cause webhooks to fail" is about the body).
  `(?:substitut\\w+|interpolat\\w+|expan\\w+)\\s+(?:\\S+\\s+){0,3}?(?:fails?|failed|failing|(?:is\\s+|was\\s+)?not\\s+working|broke|broken)\\b`,
  // The real value works where the stand-in failed: "paste the actual token instead of the {{variable}}".
  `(?:actual|real|raw|hard-?coded|literal)\\s+(?:api\\s*)?(?:tokens?|keys?|values?|secrets?)[^.!?\\n]{0,60}?instead\\s+of\\s+(?:the\\s+)?${STAND_IN}`,
  // An unrendered expression in the header that went out: "Bearer ={{$credentials.token}}".
  `(?:bearer|token|authorization)\\s*[:=]?\\s*["'\`]?\\s*=?\\{\\{\\s*\\$(?:json|credentials|env|node|vars|input)\\b[^}\\n]{0,60}\\}\\}`,
];

/** Each problem's sentences (global: every match of a window is tried in turn; read with unionMatches). */
export const TOLD_SENTENCES: Readonly<Record<ToldProblem, readonly RegExp[]>> = {
  'missing-bearer-prefix': splitAlternation(MISSING_BEARER, 'gi'),
  'masked-token': splitAlternation(MASKED, 'gi'),
  'placeholder-token': splitAlternation(PLACEHOLDER, 'gi'),
};

/**
 * Anchor words, one group per problem, in the order of ToldProblem: every sentence above holds
 * its problem's anchor. No u flag: its case folding makes a scan of a long text several times
 * slower.
 */
export const TOLD_ANCHORS = [
  // "Bearer undefined" is the placeholder group's: an unset value, not a scheme question.
  '(bearer(?!\\s+(?:undefined|null|nil|none|false|nan|\\[object))|prefix|scheme|bare\\s+(?:jwt|token)|raw\\s+token|(?:only|just)\\s+the\\s+token|접두사|프리픽스)',
  `(${MASK_WORD}|["'\`][*•●]{1,2}["'\`]|\\bmasks?\\b|(?:altered|modified|displayed)\\s+value|(?:substituted|replaced|overwritten|swapped)\\s+(?:with|by|for)\\s+(?:x['’]?s\\b|x{3}|asterisks|stars|dots|bullets)|(?:real|actual|stored|saved|original)\\s+\\w+\\s+instead)`,
  '(placeholder|%[a-z_]\\w{2,30}%|\\$\\{|platzhalter|marcador|variable|variável|variabile|segnaposto|espace\\s+réservé|forg[eo]t|still|占位符|模板|变量|變量|原样|原樣|プレースホルダ|変数|\\{\\{|literal|unresolved|unrendered|not\\s+(?:being\\s+)?(?:replaced|resolved|rendered|substituted|templated|expanded|interpolated)|\\bas\\s+is\\b|substitution|expansion|interpolation|templating|(?:single|simple)\\s+quot|instead\\s+of\\s+(?:the\\s+)?(?:actual|real)|(?:default|example|template|sample|dummy)\\s|replace\\s|remove\\s|-H\\s+[\'"]|bearer\\s+(?:undefined|null|nil|none|false|nan|\\[object))',
] as const;

/**
 * A rule or a cause stated in general, not a report: a condition ("if the header is missing"),
 * what can or will happen ("can happen", "will be rejected"), reasons, and a client or request in
 * general as subject ("Requests that send a bare token", "Client sent a token without …"; not
 * "our client sent").
 */
const GENERIC_REGISTER =
  "\\b(?:if|unless|whenever|can(?!['’]?t|not|\\s+(?:see|tell)\\b)|could(?!\\s*n['o’])|would|will\\s+be\\s+(?:rejected|refused|denied|returned)|reasons?|causes|(?<!\\b(?:our|my|the|this|their|his|her)\\s)(?:requests?\\s+(?:that|which)|clients?\\s+(?:that|which|sent|sends|sending)))\\b";

/**
 * Sentences that speak of a mistake without saying it happened: a guard against it ("so the UI
 * does not re-save its masked display"), a feature that makes it harmless ("paste your token
 * without adding Bearer"), a receiver that takes no scheme, a hypothesis ("you may get a 401",
 * "e.g."), a list of common causes, or a wish that a program mask the value ("the password should
 * be replaced with `******`").
 */
const RULED_OUT: Readonly<Record<ToldProblem, RegExp>> = {
  'masked-token':
    /\b(?:stop(?:s|ped|ping)?|prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|guard(?:s|ed|ing)?|protect(?:s|ed|ing)?|skip(?:s|ped|ping)?|ignor(?:e|es|ed|ing)|preserv\w*|keep(?:s|ing)?\s+the\s+(?:existing|stored|original|real|current)|instead\s+of\s+overwriting|treat(?:s|ed)?\s+(?:\w+\s+){0,3}as\s+["'`]?unchanged|(?:do(?:es)?n['’]?t|do\s+not|does\s+not|must\s+not|never|won['’]?t|should\s*n['’]?t|should\s+not|not)\s+(?:\w+\s+){0,3}?(?:overwrite|re-?save|save|store|send|write|persist)|if\s+(?:it\s+is\s+|the\s+value\s+is\s+)?masked|if\s+the\s+\w+\s+(?:is|looks)\s+masked|when\s+(?:a|the)\s+masked\s+value\s+is|(?:swapped|replaced|exchanged)\s+(?:for|with|by)\s+the\s+(?:stored|saved|real|original|sealed)|option\s+to\s+(?:mask|hide)|should\s+be\s+(?:hidden|masked|obscured)|(?:should|must|needs?\s+to|ought\s+to)\s+(?:always\s+|rather\s+|instead\s+)?be\s+(?:replaced|substituted)\s+(?:with|by)(?=\s+["'`]?(?:[*•●]{3,}|asterisks|stars))|e\.g(?=\.))\b/i,
  'missing-bearer-prefix': new RegExp(
    `(?:例[えば]?|など|比如|例如|等等|with\\s+(?:and|or)\\s+without|mit\\s+(?:als\\s+auch|und|oder)\\s+ohne|con\\s+(?:y|o)\\s+sin|avec\\s+(?:et|ou)\\s+sans)|\\b(?:may|might|e\\.g(?=\\.)|for\\s+example|such\\s+as|common(?:ly)?|typical(?:ly)?|support(?:s|ed|ing)?|automatic(?:ally)?|(?:do(?:es)?n['’]?t|do\\s+not|does\\s+not|no\\s+need\\s+to)\\s+(?:\\w+\\s+){0,2}?(?:expect|require|need|want|accept|add))\\b|${GENERIC_REGISTER}`,
    'i',
  ),
  // A key told as revoked or expired was a real key, not a stand-in left in.
  'placeholder-token': /\b(?:may|might|e\.g(?=\.)|for\s+example|such\s+as|revoked|expired)\b/i,
};

/**
 * A table of mistakes in general (a column headed "Most common mistake", "Cause", "Fix"): its rows
 * list what can go wrong, they do not report it.
 */
const MISTAKES_TABLE_HEADER = /^[ \t]*\|[^\n]*\b(?:mistakes?|causes?|pitfalls?|fix(?:es)?|solutions?)\b[^\n]*\|[ \t]*$/im;

/** The last text read for a mistakes table, and the answer (one text is judged many times). */
let tableCache: { text: string; found: boolean } | null = null;

function isMistakesTableRow(text: string, start: number, end: number): boolean {
  if (!sentenceOf(text, start, end).trimStart().startsWith('|')) return false;
  if (tableCache?.text !== text) tableCache = { text, found: MISTAKES_TABLE_HEADER.test(text) };
  return tableCache.found;
}

/** A word whose dot does not end a sentence ("vs.", "etc."), read just before the dot. */
const ABBREVIATION_BEFORE = /(?:^|[^\w])(?:vs|etc|cf|approx|incl|i\.e|e\.g)$/i;

/** True when the dot at `at` ends an abbreviation, not the sentence. */
function isAbbreviationDot(text: string, at: number): boolean {
  return text[at] === '.' && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, at - 7), at));
}

/** The sentence of `text` that holds [start, end): from the last break before to the next after. */
function sentenceOf(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && from > start - 200 && (!/[.!?\n。]/.test(text[from - 1]!) || isAbbreviationDot(text, from - 1))) from--;
  let to = end;
  while (
    to < text.length &&
    to < end + 200 &&
    !/[!?\n。]/.test(text[to]!) &&
    !(text[to] === '.' && /\s/.test(text[to + 1] ?? ' ') && !isAbbreviationDot(text, to))
  )
    to++;
  // The closing dot belongs to the sentence: "e.g." ends with it.
  return text.slice(from, Math.min(text.length, to + 1));
}

/** A verb at the start of its line or sentence, in its bare form: an instruction, or a title. */
const IMPERATIVE = /^(?:append|add|prepend|insert|put|attach)\s/i;
const LINE_OR_SENTENCE_START = /(?:^|[.!?:;]\s+|^[ \t]*(?:[-*•>]|\d+[.)])[ \t]+)$/;

/** An instruction below a text's first line: a doc telling the reader what to do. */
function isInstructionInBody(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (lineStart === 0) return false;
  return IMPERATIVE.test(text.slice(start, start + 12)) && LINE_OR_SENTENCE_START.test(text.slice(lineStart, start));
}

/** True when the sentence around a match speaks of the mistake without saying it happened. */
/** Words of a display: a mask shown in a form is a feature unless something failed. */
const DISPLAY =
  /\b(?:shows?|showing|shown|display(?:s|ed|ing)?|appears?\s+as|render(?:s|ed|ing)?|password\s+field|input\s+field|eye\s+icon|settings?\s+(?:page|view|screen)|(?:is|are)\s+(?:now\s+)?masked|masked\s+(?:input|password\s+field))\b/i;
/** Words of a failure inside the same sentence. */
const FAILED_IN_SENTENCE = /\b(?:fail\w*|40[13]|invalid|rejected|unauthori[sz]ed|errors?|broke\w*|break\w*|not\s+work\w*)\b/i;
/**
 * The mask going out or overwriting the secret: then a shown mask is a report, not a display.
 * Negated ("so the dots are not submitted") it is a guard.
 */
const MASK_GOES_OUT =
  /(?<!\bnot\s|n['’]t\s|\bnever\s)\b(?:post\w*|sen[dt]\w*|submit\w*|stores?\s+(?:the\s+mask|that|it|this)|saves?\s+back|saved\s+back|writ\w+\s+back|overwr\w+|persist\w*|us(?:e|es|ed|ing)\s+(?:this|that|it|the\s+mask)|replac(?:e|es|ed|ing)\s+the\s+(?:stored|saved|real|original))\b/i;
/** A tool that leaves the scheme out, told with what failed ("doesn't add the word Bearer … and the call fails"). */
const LEAVES_IT_OUT =
  /(?:do(?:es)?n['’]?t|do(?:es)?\s+not|did(?:n['’]?t|\s+not)|never)\s+(?:add|include|put|prepend|send)\s+(?:the\s+)?(?:word|prefix|keyword|string|scheme)\b/i;

/**
 * A question asked without its mark: whether something works "or not", whether the scheme "is
 * mandatory", whether one "needs to" add it. It asks about the scheme; it does not report a request.
 */
const WHETHER = /\b(?:or\s+not\b|whether\b|is\s+it\s+(?:mandatory|required|necessary|needed)\b|do\s+(?:i|we|you)\s+(?:need|have)\s+to\b)/i;

/** A writer speaking of themselves. */
const WRITER = /\b(?:i|we|my|our)\b/i;

export function ruledOut(problem: ToldProblem, text: string, start: number, end: number): boolean {
  if (hasCausesHeading(text)) return true;
  if (problem === 'missing-bearer-prefix' && isInstructionInBody(text, start)) return true;
  if (problem === 'placeholder-token' && standInOfOtherHeader(text, text.slice(start, end))) return true;
  // A curl header quoted in a text where no writer speaks (no I, we, my) and nothing failed is a
  // page's example for its reader, however it quotes.
  if (problem === 'placeholder-token' && /^-H\s/.test(text.slice(start, end)) && !FAILURE_SIGNAL.test(text) && !WRITER.test(text)) {
    return true;
  }
  if (isMistakesTableRow(text, start, end)) return true;
  const sentence = sentenceOf(text, start, end);
  if (speaksWithoutReporting(sentence) || inWishSection(text, start)) return true;
  if (namesACauseInGeneral(sentence)) return true;
  if (problem === 'missing-bearer-prefix' && isRuleInDoc(sentence, text)) return true;
  // A checklist's question ("No Bearer prefix in Authorization header? → add it") asks, it does not report.
  if (problem === 'missing-bearer-prefix' && (/\?\s*$/.test(sentence) || WHETHER.test(sentence))) return true;
  if (problem === 'masked-token' && DISPLAY.test(sentence) && !FAILED_IN_SENTENCE.test(sentence) && !MASK_GOES_OUT.test(sentence)) {
    return true;
  }
  if (problem === 'missing-bearer-prefix' && LEAVES_IT_OUT.test(sentence) && FAILED_IN_SENTENCE.test(sentence)) return false;
  return RULED_OUT[problem].test(sentence);
}
