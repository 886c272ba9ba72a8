// What the extension passes to `sora-conf lsp` on its command line, apart from VS Code: kept free of the `vscode`
// module so that `npm test` checks it with plain Node.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * The server's arguments: `lsp`, then `--schema <file>` for each of the project's schema files
 * (`soraConf.schemaFiles`), as `sora-conf lint --schema` takes them. A relative path is read from the first workspace
 * folder; the server's working directory is the editor's choice, so the server is given absolute paths only. A file
 * that does not exist (or a relative path with no workspace folder to read it from) is left out and returned in
 * `missing`, for the extension to name: given to the server, it would stop it from starting at all.
 * Blank entries are left out.
 */
function serverArgs(schemaFiles, workspaceFolder, exists = fs.existsSync) {
  const args = ['lsp'];
  const missing = [];
  for (const entry of Array.isArray(schemaFiles) ? schemaFiles : []) {
    if (typeof entry !== 'string' || entry.trim() === '') continue;
    const file = entry.trim();
    const resolved = path.isAbsolute(file) ? file : workspaceFolder ? path.resolve(workspaceFolder, file) : undefined;
    if (resolved === undefined || !exists(resolved)) missing.push(resolved || file);
    else args.push('--schema', resolved);
  }
  return { args, missing };
}

module.exports = { serverArgs };
