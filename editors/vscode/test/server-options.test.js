// The server's command line as the extension builds it from soraConf.schemaFiles: run with `npm test`.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { serverArgs } = require('../server-options');

const folder = path.resolve('/work/project');

test('no schema files: the server is started as `lsp`', () => {
  assert.deepStrictEqual(serverArgs([], folder), ['lsp']);
  assert.deepStrictEqual(serverArgs(undefined, folder), ['lsp']);
});

test('relative schema files are read from the workspace folder, absolute ones as written, in order', () => {
  const absolute = path.resolve('/etc/sora/extra.toml');
  assert.deepStrictEqual(serverArgs(['schema/extra-keys.toml', absolute], folder),
    ['lsp', '--schema', path.join(folder, 'schema', 'extra-keys.toml'), '--schema', absolute]);
});

test('blank entries and entries that are not strings are left out; spaces around a path are trimmed', () => {
  assert.deepStrictEqual(serverArgs(['', '  ', 42, null, ' extra.toml '], folder), ['lsp', '--schema', path.join(folder, 'extra.toml')]);
});

test('without a workspace folder a relative path is passed as it is written', () => {
  assert.deepStrictEqual(serverArgs(['extra.toml'], undefined), ['lsp', '--schema', 'extra.toml']);
});
