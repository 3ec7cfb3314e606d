// The aws-local-stepfunctions side of bench/run.sh: the same definitions and inputs as the Java side
// (bench/definitions/), measured the same way, printed as one JSON object on stdout.
//   node bench.mjs throughput DEFINITIONS_DIR WARMUP_ROUNDS MEASURED_ROUNDS ROUND_MILLIS
//   node --expose-gc bench.mjs heap DEFINITIONS_DIR COUNT
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';

const LOOP_ITERATIONS = 5000;
const LOOP_CONCURRENCY = 20;
const MAP_ITEMS = 2000;

const [mode, definitions, ...rest] = process.argv.slice(2);
const load = (name) => new StateMachine(JSON.parse(readFileSync(join(definitions, name), 'utf8')));

function fail(message) {
  process.stderr.write(`bench.mjs: ${message}\n`);
  process.exit(1);
}

// Runs `operation` (which returns the states it entered) again and again for at least `millis`.
async function round(operation, millis) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let transitions = 0;
  let operations = 0;
  let elapsed = 0;
  do {
    transitions += await operation();
    operations += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < millis);
  const cpu = process.cpuUsage(cpuStart);
  return {
    transitionsPerSecond: transitions / (elapsed / 1000),
    millisPerOperation: elapsed / operations,
    cpuMicrosPerState: (cpu.user + cpu.system) / transitions,
  };
}

async function measure(operation, warmup, measured, millis) {
  for (let i = 0; i < warmup; i++) await round(operation, millis);
  const rounds = [];
  for (let i = 0; i < measured; i++) rounds.push(await round(operation, millis));
  return rounds;
}

async function throughput(warmup, measured, millis) {
  const loop = load('loop.asl.json');
  const loopOnce = async () => {
    const runs = Array.from({ length: LOOP_CONCURRENCY }, () => loop.run({ i: 0, n: LOOP_ITERATIONS }).result);
    for (const output of await Promise.all(runs)) {
      if (output.i !== LOOP_ITERATIONS) fail(`loop ended with i=${output.i}`);
    }
    // Check and Increment per iteration, then the last Check and Done.
    return LOOP_CONCURRENCY * (2 * LOOP_ITERATIONS + 2);
  };
  const map = load('map.asl.json');
  const items = Array.from({ length: MAP_ITEMS }, (_, v) => ({ v }));
  const mapOnce = async () => {
    const output = await map.run({ items }).result;
    if (output.length !== MAP_ITEMS || output[MAP_ITEMS - 1].v !== 2 * (MAP_ITEMS - 1)) fail('map output is wrong');
    return 1 + MAP_ITEMS; // the Map state and one Pass per item
  };
  return {
    loop: await measure(loopOnce, warmup, measured, millis),
    map: await measure(mapOnce, warmup, measured, millis),
  };
}

const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

function settledHeap() {
  for (let i = 0; i < 4; i++) global.gc();
  return process.memoryUsage().heapUsed;
}

async function heap(count) {
  if (typeof global.gc !== 'function') fail('run with node --expose-gc');
  const machine = load('wait.asl.json');
  // Warm the library first so its own code and caches are in the baseline, not in the per-execution cost.
  const warm = machine.run({ n: -1 }, { noThrowOnAbort: true });
  await sleep(100);
  warm.abort();
  await sleep(100);
  const before = settledHeap();
  const executions = [];
  for (let n = 0; n < count; n++) executions.push(machine.run({ n }, { noThrowOnAbort: true }));
  await sleep(2000); // every execution reaches its Wait within this
  const during = settledHeap();
  const rss = process.memoryUsage().rss;
  executions.forEach((execution) => execution.abort());
  await Promise.all(executions.map((execution) => execution.result));
  return { count, heapBeforeBytes: before, heapWaitingBytes: during, rssBytes: rss };
}

const result = mode === 'throughput'
  ? await throughput(Number(rest[0]), Number(rest[1]), Number(rest[2]))
  : mode === 'heap' ? await heap(Number(rest[0])) : fail(`unknown mode '${mode}'`);
process.stdout.write(JSON.stringify({ node: process.version, ...result }) + '\n');
