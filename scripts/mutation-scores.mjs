// npm run mutation:scores — the mutation score of each folder and file, from the results Stryker keeps in
// test/mutation/incremental.json (the figures the README quotes). Static mutants are left out, as the runs ignore them.
// With `-- --survivors`, also each surviving mutant that test/mutation/equivalent-mutants.md does not list (by file and
// line): the tests still to write.
import { readFileSync } from 'node:fs';

const { files } = JSON.parse(readFileSync('test/mutation/incremental.json', 'utf8'));
const listed = new Map();
for (const [, file, lines] of readFileSync('test/mutation/equivalent-mutants.md', 'utf8').matchAll(/^\| ((?:domain|application)\/[\w-]+\.ts) \| ([\d, –-]+) \|/gm)) {
  const set = listed.get(file) ?? new Set();
  for (const part of lines.split(',')) {
    const [from, to = from] = part.trim().split(/[–-]/).map(Number);
    for (let line = from; line <= to; line++) set.add(line);
  }
  listed.set(file, set);
}
const open = [];
const KILLED = new Set(['Killed', 'Timeout']);
const folders = new Map();
for (const [path, { mutants }] of Object.entries(files)) {
  const tested = mutants.filter((m) => !m.static && ['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status));
  const row = {
    file: path.split('/').pop(),
    killed: tested.filter((m) => KILLED.has(m.status)).length,
    survived: tested.filter((m) => m.status === 'Survived').length,
    noCoverage: tested.filter((m) => m.status === 'NoCoverage').length,
    total: tested.length,
  };
  const folder = path.split('/').slice(0, -1).join('/');
  const short = path.replace('cloudfunctions/src/', '');
  for (const m of tested) {
    if (m.status === 'Survived' && !listed.get(short)?.has(m.location.start.line)) open.push(`${short}:${m.location.start.line} ${m.mutatorName} → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}`);
  }
  folders.set(folder, [...(folders.get(folder) ?? []), row]);
}
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
for (const [folder, rows] of [...folders].sort()) {
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  const [killed, total, noCoverage] = [sum('killed'), sum('total'), sum('noCoverage')];
  console.log(`${folder}: ${rows.length} files measured, score ${pct(killed, total)} (${killed} of ${total}), of covered mutants ${pct(killed, total - noCoverage)}; survived ${sum('survived')}, no coverage ${noCoverage}`);
  for (const r of rows.sort((a, b) => b.killed / b.total - a.killed / a.total || a.file.localeCompare(b.file))) {
    console.log(`  ${pct(r.killed, r.total).padStart(6)}  ${r.file} (${r.total}: ${r.survived} survived, ${r.noCoverage} no coverage)`);
  }
}
if (process.argv.includes('--survivors')) {
  console.log(`\n${open.length} surviving mutants not listed in test/mutation/equivalent-mutants.md:`);
  for (const line of open) console.log(`  ${line}`);
}
