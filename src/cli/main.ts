// Entry behind `npm run -s diagnose -- [--json] [FILE ...]`: wires the process to runCli.
import { runCli } from './run';

const status = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

// For the memory test and benchmarks: the peak resident set size of this process.
if (process.env.WEBHOOK_DOCTOR_DEBUG_RSS === '1') {
  process.stderr.write(`webhook-doctor: peak RSS ${process.resourceUsage().maxRSS} kB\n`);
}
process.exitCode = status;
