// Entry behind `webhook-doctor diagnose [--json] [FILE ...]` (the built CLI, dist-cli/) and
// `npm run -s diagnose -- [--json] [FILE ...]`: wires the process to runCli.
import { withoutCommand } from './args';
import { runCli } from './run';

const status = await runCli(withoutCommand(process.argv.slice(2)), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

// For the memory test and benchmarks: the peak resident set size of this process.
if (process.env.WEBHOOK_DOCTOR_DEBUG_RSS === '1') {
  process.stderr.write(`webhook-doctor: peak RSS ${process.resourceUsage().maxRSS} kB\n`);
}
// For the benchmark: CPU time used (user + system), a figure that other load on the machine does not skew.
if (process.env.WEBHOOK_DOCTOR_DEBUG_CPU === '1') {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`webhook-doctor: CPU ${Math.round((user + system) / 1000)} ms\n`);
}
process.exitCode = status;
