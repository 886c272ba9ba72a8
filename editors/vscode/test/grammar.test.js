// The TextMate grammar as VS Code reads it (vscode-textmate with the Oniguruma engine VS Code uses): run with `npm test`.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const grammarPath = path.join(__dirname, '..', 'syntaxes', 'sora-conf.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  return registry.loadGrammar('source.sora-conf');
}

/** Each token of each line as [text, innermost scope]. */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((t) => [line.substring(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]])
      .filter(([part]) => part.trim() !== '');
  });
}

test('keys, =, numbers, intervals with units, booleans and other values', async () => {
  const lines = await tokenize('api_port = 3000\nwebhook_response_timeout   =   30 s\ndemo=true\nlabel = 東京エッジ\n');
  assert.deepStrictEqual(lines[0], [
    ['api_port', 'support.type.property-name.sora-conf'],
    ['=', 'keyword.operator.assignment.sora-conf'],
    ['3000', 'constant.numeric.sora-conf'],
  ]);
  assert.deepStrictEqual(lines[1].slice(2), [
    ['30', 'constant.numeric.integer.sora-conf'],
    ['s', 'keyword.other.unit.sora-conf'],
  ]);
  assert.deepStrictEqual(lines[2], [
    ['demo', 'support.type.property-name.sora-conf'],
    ['=', 'keyword.operator.assignment.sora-conf'],
    ['true', 'constant.language.boolean.sora-conf'],
  ]);
  assert.deepStrictEqual(lines[3][2], ['東京エッジ', 'string.unquoted.value.sora-conf']);
});

test('a # after a value is part of the value, as Sora reads it (SORA0005), not a comment', async () => {
  const [line] = await tokenize('label = 東京 # 本番');
  assert.deepStrictEqual(line[2], ['東京 # 本番', 'string.unquoted.value.sora-conf']);
  // A value that only starts like a boolean or an interval is text.
  const [[, , truthy], [, , interval]] = await tokenize('demo = trueish\ntimeout = 30 seconds');
  assert.strictEqual(truthy[1], 'string.unquoted.value.sora-conf');
  assert.strictEqual(interval[1], 'string.unquoted.value.sora-conf');
});

test('whole-line comments, the sora-version line and suppression directives', async () => {
  const lines = await tokenize('# 東京リージョン\n  # indented\n# sora-version: 2025.2\n# sora-conf-disable-next-line SORA1007 -- demo host\n');
  assert.deepStrictEqual(lines[0][1], [' 東京リージョン', 'comment.line.number-sign.sora-conf']);
  assert.strictEqual(lines[1][1][1], 'comment.line.number-sign.sora-conf');
  assert.deepStrictEqual(lines[2].slice(1), [
    ['sora-version:', 'keyword.other.directive.sora-conf'],
    ['2025.2', 'constant.numeric.version.sora-conf'],
  ]);
  assert.deepStrictEqual(lines[3][1], ['sora-conf-disable-next-line', 'keyword.other.directive.sora-conf']);
  assert.deepStrictEqual(lines[3][2], ['SORA1007', 'constant.other.rule-id.sora-conf']);
});
