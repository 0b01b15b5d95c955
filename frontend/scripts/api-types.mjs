// Generates src/api/schema.d.ts from ../openapi.yaml with openapi-typescript.
//   node scripts/api-types.mjs          regenerate (npm run gen:api)
//   node scripts/api-types.mjs --check  drift check (npm run check:api): generate into a temp file
//                                       and fail if it differs from the committed file
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, '..', 'openapi.yaml');
const target = resolve(root, 'src', 'api', 'schema.d.ts');
// Properties with a `default` stay optional: the server fills them in when a request omits them.
const FLAGS = ['--default-non-nullable', 'false'];

const require = createRequire(import.meta.url);
const pkgJson = require.resolve('openapi-typescript/package.json');
const bin = join(dirname(pkgJson), require(pkgJson).bin['openapi-typescript']);

function generate(out) {
  execFileSync(process.execPath, [bin, spec, '-o', out, ...FLAGS], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

if (!process.argv.includes('--check')) {
  generate(target);
  console.log(`gen:api: wrote ${target}`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'meike-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  generate(fresh);
  if (!existsSync(target)) {
    console.error('check:api FAILED: src/api/schema.d.ts is missing. Run `npm run gen:api` and commit it.');
    process.exit(1);
  }
  const current = readFileSync(target, 'utf8');
  const generated = readFileSync(fresh, 'utf8');
  if (generated !== current) {
    const a = current.split('\n');
    const b = generated.split('\n');
    let line = 0;
    while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
    console.error(
      'check:api FAILED: src/api/schema.d.ts is out of date with ../openapi.yaml ' +
        `(first difference at line ${line + 1}).\n` +
        `  committed: ${JSON.stringify(a[line] ?? '<end of file>')}\n` +
        `  generated: ${JSON.stringify(b[line] ?? '<end of file>')}\n` +
        'Run `npm run gen:api` in frontend/ and commit src/api/schema.d.ts.',
    );
    process.exit(1);
  }
  console.log('check:api OK: src/api/schema.d.ts matches ../openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
