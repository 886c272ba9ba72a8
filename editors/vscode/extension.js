// The sora.conf extension: starts `sora-conf lsp` (the language server of the Sora.Config tool) for files of the
// `sora-conf` language and passes the soraConf.* settings to it. Everything else — diagnostics, hover, completion,
// quick fixes, formatting — comes from the server, so the editor shows what `sora-conf lint` and `fmt` do.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { serverArgs } = require('./server-options');

let client;

/** The server's settings (docs/editors.md, "Settings"): sent at start as initialization options and again on change. */
function serverSettings() {
  const config = vscode.workspace.getConfiguration('soraConf');
  return {
    soraVersion: config.get('soraVersion') || undefined,
    profile: config.get('profile') || undefined,
    locale: config.get('locale') || undefined,
  };
}

/** `soraConf.server.path` when set, else `sora-conf` from PATH (installed with `dotnet tool install -g Sora.Config.Tool`). */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('soraConf').get('server.path');
  return configured && configured.trim() ? configured.trim() : 'sora-conf';
}

/** `lsp` and a `--schema` for each of `soraConf.schemaFiles`, relative ones read from the first workspace folder;
 * files that do not exist are named in a warning and left out (the server would not start with them). */
function serverArguments() {
  const folders = vscode.workspace.workspaceFolders;
  const folder = folders && folders.length > 0 && folders[0].uri.scheme === 'file' ? folders[0].uri.fsPath : undefined;
  const { args, missing } = serverArgs(vscode.workspace.getConfiguration('soraConf').get('schemaFiles'), folder);
  if (missing.length > 0) {
    vscode.window.showWarningMessage(
      `sora.conf: soraConf.schemaFiles: ${missing.join(', ')} not found` + (folder ? '' : ' (relative paths need an open folder)') +
      '; the server starts without ' + (missing.length === 1 ? 'it' : 'them') + ', and their keys are unknown.');
  }
  return args;
}

async function start() {
  const command = serverCommand();
  // TransportKind.stdio appends --stdio: the server runs as `sora-conf lsp [--schema <file>]... --stdio`.
  const serverOptions = { command, args: serverArguments(), transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ language: 'sora-conf' }],
    initializationOptions: serverSettings(),
    synchronize: { configurationSection: 'soraConf' },
  };
  client = new LanguageClient('soraConf', 'sora.conf', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    vscode.window.showErrorMessage(
      `sora.conf: could not start "${command} lsp" (${error && error.message ? error.message : error}). ` +
      'Install the tool with `dotnet tool install -g Sora.Config.Tool`, or set soraConf.server.path to the sora-conf executable.');
  }
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    // A different executable or other schema files need a new server (both are on its command line); the other
    // settings reach the running one as didChangeConfiguration.
    if (!event.affectsConfiguration('soraConf.server.path') && !event.affectsConfiguration('soraConf.schemaFiles')) return;
    if (client) await client.stop();
    await start();
  }));
  context.subscriptions.push({ dispose: () => (client ? client.stop() : undefined) });
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
