import { benchColdStart } from './cold-start.bench';
import { benchDraw } from './draw.bench';
import { benchHashLargeFile } from './hash-large-file.bench';
import { benchPackageSizes } from './package-size.bench';
import { benchQueries } from './queries.bench';

// Runs inside one process spawned by scripts/bench.mjs; prints its results as JSON on the last line.
(async () => {
  const which = process.argv[2];
  const result = which === 'cold' ? await benchColdStart() : which === 'packages' ? benchPackageSizes() : which === 'queries' ? await benchQueries() : which === 'hash' ? await benchHashLargeFile() : which === 'draw' ? benchDraw() : null;
  if (!result) throw new Error(`unknown bench ${which}`);
  console.log(JSON.stringify(result));
})();
