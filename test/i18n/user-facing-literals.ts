// Finds words written straight into UI code instead of coming from _locales: JSX text, string
// attributes people read (title, aria-label, placeholder, ...), strings a JSX expression shows,
// strings put into the DOM (textContent, title, setAttribute('aria-label'), createTextNode), and
// any other string that reads like a phrase. Parsed with the TypeScript compiler, so comments,
// imports, types and class names do not count.
import ts from 'typescript';

export interface Literal {
  file: string;
  line: number;
  text: string;
  /** Which rule found it. */
  rule: 'jsx-text' | 'jsx-attribute' | 'jsx-expression' | 'dom-write' | 'phrase';
}

/** Attributes whose value people read or hear. */
const READ_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
]);
/** Properties whose value becomes text in the page. */
const TEXT_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'innerHTML',
  'outerHTML',
  'title',
  'placeholder',
  'data',
  'nodeValue',
  'ariaLabel',
  'alt',
]);
/** Calls whose string arguments are selectors, not text. */
const SELECTOR_CALLS = new Set(['querySelector', 'querySelectorAll', 'queryAll', 'closest', 'matches']);

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

const LETTER = /\p{L}/u;
/** Two words in a row: "Copy report", "seen 3 times", "Could not copy: " (not "app.segment.com"). */
const PHRASE = /\p{L}{2,}[,.:;!?'’]*\s+\p{L}{2,}/u;
/** CSS text and declarations: `a{b:c}`, `all:initial;display:block`. */
const CSS = /[{}]|\w:[^\s/]|;\s*$/;

/** The fixed text of a string or template literal (a template's parts between its `${}`). */
function staticText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return null;
}

/** Strings an expression can evaluate to, through `a && 'b'`, `a ? 'b' : 'c'`, `a ?? 'b'` and parentheses. */
function shownStrings(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return shownStrings(node.expression);
  if (ts.isConditionalExpression(node)) return [...shownStrings(node.whenTrue), ...shownStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownStrings(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
      return [...shownStrings(node.left), ...shownStrings(node.right)];
    }
    return [];
  }
  return staticText(node) !== null ? [node] : [];
}

function calleeName(call: ts.CallExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

/** True for literals that are not text at all: imports, types, object keys, class names, selectors. */
function isNotText(node: ts.Node): boolean {
  const parent = ts.isJsxExpression(node.parent) ? node.parent.parent : node.parent;
  if (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isLiteralTypeNode(parent) ||
    ts.isExternalModuleReference(parent)
  )
    return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isJsxAttribute(parent) && !READ_ATTRIBUTES.has(parent.name.getText())) return true;
  if (ts.isCallExpression(parent) && SELECTOR_CALLS.has(calleeName(parent))) return true;
  if (ts.isCaseClause(parent) || (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind))) return true;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = parent.left;
    if (ts.isPropertyAccessExpression(target) && target.name.text === 'className') return true;
  }
  return false;
}

export function findUserFacingLiterals(file: string, source: string): Literal[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: Literal[] = [];
  const seen = new Set<ts.Node>();
  const report = (node: ts.Node, text: string, rule: Literal['rule']) => {
    if (seen.has(node)) return;
    seen.add(node);
    found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim(), rule });
  };
  const reportShown = (expression: ts.Expression | undefined, rule: Literal['rule']) => {
    if (!expression) return;
    for (const literal of shownStrings(expression)) {
      const text = staticText(literal) ?? '';
      if (LETTER.test(text) && !CSS.test(text)) report(literal, text, rule);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text, 'jsx-text');
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      reportShown(value as ts.Expression | undefined, 'jsx-attribute');
    }
    if (ts.isJsxExpression(node) && !ts.isJsxAttribute(node.parent)) reportShown(node.expression, 'jsx-expression');
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      if (ts.isPropertyAccessExpression(target) && TEXT_PROPERTIES.has(target.name.text)) reportShown(node.right, 'dom-write');
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const [first, second] = node.arguments;
      if (name === 'createTextNode') reportShown(first, 'dom-write');
      if (name === 'setAttribute' && first && ts.isStringLiteral(first) && READ_ATTRIBUTES.has(first.text))
        reportShown(second, 'dom-write');
    }
    const text = staticText(node);
    if (text !== null && PHRASE.test(text) && !CSS.test(text) && !isNotText(node)) report(node, text, 'phrase');
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
