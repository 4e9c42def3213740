// Typst 0.14 through its npm distribution, for bench/anchors.sh:
//   node typst.mjs compile IN.typ OUT.pdf [--pdf-standard ua-1] [other typst flags ignored]
//   node typst.mjs batch IN1.typ OUT1.pdf IN2.typ OUT2.pdf ...   (one process, one compiler)
//   node typst.mjs version
// `compile` also serves as the `typst` command that mystmd runs.
import { writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { createRequire } from 'node:module';

// ES modules ignore NODE_PATH: resolve the compiler from the folder bench/anchors.sh installs to.
const require = createRequire(join(process.env.NODE_PATH || process.cwd(), 'noop.js'));
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'version') {
  const pkg = require('@myriaddreamin/typst-ts-node-compiler/package.json');
  console.log(`0.14 (typst-ts-node-compiler ${pkg.version})`);
  process.exit(0);
}
const files = [];
let standard; // mystmd passes none: plain (tagged) PDF, as its own export makes
for (let i = 0; i < rest.length; i++) {
  const a = rest[i];
  if (a === '--pdf-standard') standard = rest[++i];
  else if (a === '--root' || a === '--font-path' || a === '--input') i++;
  else if (!a.startsWith('-')) files.push(resolve(a));
}
const pairs = [];
for (let i = 0; i + 1 < files.length; i += 2) pairs.push([files[i], files[i + 1]]);
if (cmd === 'compile' && pairs.length === 0 && files.length === 1) {
  pairs.push([files[0], files[0].replace(/\.typ$/, '.pdf')]);
}
// The same typefaces casepress bundles (DejaVu, Noto Sans Arabic, Droid Sans Fallback), so both
// tools load and subset comparable fonts; Typst's CLI would otherwise use its own embedded ones.
const fonts = process.env.TYPST_FONT_PATHS ? process.env.TYPST_FONT_PATHS.split(':') : [];
const compiler = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontPaths: fonts }] });
let failed = 0;
for (const [input, output] of pairs) {
  try {
    const pdf = compiler.pdf({ mainFilePath: input }, standard ? { pdfStandard: standard } : {});
    writeFileSync(output, pdf);
  } catch (e) {
    // A batch goes on past a document Typst refuses (e.g. a PDF/UA-1 rule), as render --all does.
    failed++;
    console.error(`typst: ${input}: ${String(e.code || e.message).split('\n')[0]}`);
  }
  compiler.evictCache(10);
}
if (failed > 0 && cmd === 'compile') process.exit(1);
if (failed > 0) console.error(`typst: ${failed} of ${pairs.length} documents refused`);
