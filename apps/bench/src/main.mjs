// pnpm bench [--quick]: prints figures; nothing here is a test. Run it on a quiet machine and
// compare ratios from the same run, not absolute numbers from different days.
import { printScale, scale } from './scale.mjs';
import { printStartTime, startTime } from './start-time.mjs';

const quick = process.argv.includes('--quick');
console.log(
  `diagrama benchmarks (${quick ? 'quick' : 'full'}) — node ${process.version}, ${process.platform} ${process.arch}`,
);
printStartTime(startTime(quick ? { runs: 5, warmup: 1 } : { runs: 30, warmup: 3 }));
printScale(
  scale({
    sizes: quick
      ? [
          [1, 10],
          [10, 10],
          [10, 100],
        ]
      : [
          [1, 10],
          [10, 10],
          [10, 100],
          [100, 100],
        ],
    runs: quick ? 2 : 7,
  }),
);
