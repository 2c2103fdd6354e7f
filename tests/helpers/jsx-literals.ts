// Finds interface text written into components instead of the message catalogs (tests/i18n-literals.test.ts):
// JSX text with letters, string literals in attributes a person reads, and string literals in the
// label/title/… properties of the option objects our components take (fields, columns, nav items).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Attributes and option properties whose string is read by a person (or a screen reader). */
export const VISIBLE_NAMES = new Set([
  'placeholder',
  'title',
  'aria-label',
  'alt',
  'label',
  'subtitle',
  'submitLabel',
  'hint',
  'header',
  'description',
  'confirmLabel',
  'caption',
  'emptyText',
  'text',
  'message',
]);

/** Words that are the same in every language here: product and protocol names, units. */
export const ALLOWED = new Set([
  'SMS',
  'SMPP',
  'API',
  'MMK',
  'OpenAPI',
  'JSON',
  'CSV',
  'URL',
  'ID',
  'English',
  'QR',
  'HTTP',
  'HTTPS',
  'TLS',
]);

const hasLetters = (s: string) => /\p{L}/u.test(s);

function allowed(text: string): boolean {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => /\p{L}/u.test(w));
  return words.every((w) => ALLOWED.has(w) || /^[\u1000-\u109f]+$/.test(w));
}

export interface Literal {
  file: string;
  line: number;
  text: string;
}

export function literalsIn(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Literal[] = [];
  const add = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!trimmed || !hasLetters(trimmed) || allowed(trimmed)) return;
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: trimmed });
  };
  const stringOf = (e: ts.Node | undefined): string | null => {
    if (!e) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ');
    if (ts.isJsxExpression(e)) return stringOf(e.expression);
    if (ts.isParenthesizedExpression(e)) return stringOf(e.expression);
    if (ts.isConditionalExpression(e)) return [stringOf(e.whenTrue), stringOf(e.whenFalse)].filter(Boolean).join(' ') || null;
    if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
    )
      return stringOf(e.right);
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const s = stringOf(node.expression);
      if (s) add(node, s);
    } else if (ts.isJsxAttribute(node) && VISIBLE_NAMES.has(node.name.getText(sf))) {
      const s = stringOf(node.initializer);
      if (s) add(node, s);
    } else if (ts.isPropertyAssignment(node) && VISIBLE_NAMES.has(node.name.getText(sf).replace(/['"]/g, ''))) {
      const s = stringOf(node.initializer);
      if (s) add(node, s);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function tsxFiles(root: string, dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.tsx')) out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out.sort();
}
