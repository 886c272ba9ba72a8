// What the extension passes to `sora-conf lsp` on its command line, apart from VS Code: kept free of the `vscode`
// module so that `npm test` checks it with plain Node.
'use strict';

const path = require('node:path');

/**
 * The server's arguments: `lsp`, then `--schema <file>` for each of the project's schema files
 * (`soraConf.schemaFiles`), as `sora-conf lint --schema` takes them. A relative path is read from the first workspace
 * folder; the server's working directory is the editor's choice, so the server is given absolute paths only.
 * Blank entries are left out; without a workspace folder a relative path is passed as it is written.
 */
function serverArgs(schemaFiles, workspaceFolder) {
  const args = ['lsp'];
  for (const entry of Array.isArray(schemaFiles) ? schemaFiles : []) {
    if (typeof entry !== 'string' || entry.trim() === '') continue;
    const file = entry.trim();
    args.push('--schema', path.isAbsolute(file) || !workspaceFolder ? file : path.resolve(workspaceFolder, file));
  }
  return args;
}

module.exports = { serverArgs };
