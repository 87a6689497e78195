// node tokenize.js GRAMMAR.json SCOPE FILE -> JSON lines of [line, start, end, text, scopes]
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const [grammarPath, scopeName, filePath] = process.argv.slice(2);
const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm")).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));
const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async (scope) =>
    scope === scopeName ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath) : null,
});
registry.loadGrammar(scopeName).then((grammar) => {
  const lines = fs.readFileSync(filePath, "utf8").split(/\r?\n/);
  let ruleStack = vsctm.INITIAL;
  const out = [];
  lines.forEach((line, i) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    for (const t of result.tokens) {
      out.push([i, t.startIndex, t.endIndex, line.substring(t.startIndex, t.endIndex), t.scopes]);
    }
    ruleStack = result.ruleStack;
  });
  process.stdout.write(JSON.stringify(out));
});
