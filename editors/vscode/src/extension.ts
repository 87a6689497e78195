// Starts `ir-studio lsp` for MLIR, LLVM IR and Toy files; restart and "Lower with
// pipeline..." commands; the lowered IR opens as a read-only virtual document.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  Trace,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;
const SCHEME = "ir-studio-lower";
const lowered = new Map<string, string>();

function serverOptions(): ServerOptions {
  const config = vscode.workspace.getConfiguration("irStudio");
  const command = config.get<string>("server.command", "ir-studio");
  const args = ["lsp", ...config.get<string[]>("server.args", [])];
  return { command, args };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "mlir" },
      { scheme: "file", language: "llvm" },
      { scheme: "file", language: "toy" },
    ],
  };
  client = new LanguageClient("irStudio", "ir-studio", serverOptions(), clientOptions);
  const trace = vscode.workspace.getConfiguration("irStudio").get<string>("trace.server", "off");
  await client.start();
  await client.setTrace(Trace.fromString(trace));
}

async function lowerWithPipeline(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    return;
  }
  const listing = await client.sendRequest<{ pipelines: { name: string; description: string }[] }>(
    "irStudio/passes", {});
  const items = listing.pipelines.map((p) => ({ label: p.name, description: p.description }));
  const picked = await vscode.window.showQuickPick(
    [...items, { label: "Custom pass pipeline...", description: "" }],
    { placeHolder: "Pipeline to run on this document" });
  if (!picked) {
    return;
  }
  let pipeline = picked.label;
  if (pipeline === "Custom pass pipeline...") {
    pipeline = (await vscode.window.showInputBox({ prompt: "Pass pipeline, e.g. cse,canonicalize" })) ?? "";
    if (!pipeline) {
      return;
    }
  }
  const result = await client.sendRequest<{ output: string | null; error: string | null }>(
    "irStudio/lower", { uri: editor.document.uri.toString(), pipeline });
  if (result.error) {
    vscode.window.showErrorMessage(`ir-studio: ${result.error}`);
    return;
  }
  const uri = vscode.Uri.parse(`${SCHEME}:${editor.document.fileName}.${pipeline}.mlir`);
  lowered.set(uri.toString(), result.output ?? "");
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, "mlir");
  await vscode.window.showTextDocument(document, { preview: false });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      provideTextDocumentContent: (uri) => lowered.get(uri.toString()) ?? "",
    }),
    vscode.commands.registerCommand("irStudio.restart", async () => {
      await client?.stop();
      await start(context);
    }),
    vscode.commands.registerCommand("irStudio.lowerWithPipeline", lowerWithPipeline),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
