// The grammars live once, in the repository's grammars/; the extension ships copies.
const fs = require("fs");
const path = require("path");
const source = path.join(__dirname, "..", "..", "..", "grammars");
const target = path.join(__dirname, "..", "syntaxes");
fs.mkdirSync(target, { recursive: true });
for (const name of fs.readdirSync(source).filter((n) => n.endsWith(".tmLanguage.json"))) {
  fs.copyFileSync(path.join(source, name), path.join(target, name));
}
