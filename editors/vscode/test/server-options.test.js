// The server's command line as the extension builds it from soraConf.schemaFiles: run with `npm test`.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { serverArgs } = require('../server-options');

const folder = path.resolve('/work/project');
const everything = () => true;

test('no schema files: the server is started as `lsp`', () => {
  assert.deepStrictEqual(serverArgs([], folder, everything), { args: ['lsp'], missing: [] });
  assert.deepStrictEqual(serverArgs(undefined, folder, everything), { args: ['lsp'], missing: [] });
});

test('relative schema files are read from the workspace folder, absolute ones as written, in order', () => {
  const absolute = path.resolve('/etc/sora/extra.toml');
  assert.deepStrictEqual(serverArgs(['schema/extra-keys.toml', absolute], folder, everything).args,
    ['lsp', '--schema', path.join(folder, 'schema', 'extra-keys.toml'), '--schema', absolute]);
});

test('blank entries and entries that are not strings are left out; spaces around a path are trimmed', () => {
  assert.deepStrictEqual(serverArgs(['', '  ', 42, null, ' extra.toml '], folder, everything).args, ['lsp', '--schema', path.join(folder, 'extra.toml')]);
});

test('a file that does not exist is left out and named, so that the server still starts', () => {
  const present = path.join(folder, 'extra.toml');
  const result = serverArgs(['extra.toml', 'typo.toml'], folder, (file) => file === present);
  assert.deepStrictEqual(result, { args: ['lsp', '--schema', present], missing: [path.join(folder, 'typo.toml')] });
});

test('without a workspace folder a relative path has nothing to be read from: left out and named', () => {
  assert.deepStrictEqual(serverArgs(['extra.toml'], undefined, everything), { args: ['lsp'], missing: ['extra.toml'] });
});
