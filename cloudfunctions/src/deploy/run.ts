// The command-line entry of `npm run deploy` and `npm run cloud-check` (bundled to build/ by npm run build).
import { main as cloudCheck } from './cloud-check-cli';
import { main as deploy } from './deploy-cli';

const [command, ...args] = process.argv.slice(2);
const run = command === 'deploy' ? deploy : command === 'cloud-check' ? cloudCheck : null;
if (!run) {
  console.error('usage: node build/deploy.js deploy [--dry-run] | cloud-check');
  process.exit(2);
}
run(args, process.cwd(), (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${command} failed:`, error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
