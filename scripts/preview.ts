/**
 * npm run preview [-- --port 8080] [-- --dir site]: serve the built site on localhost with
 * node:http (no dependency). Run npm run site first.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib/paths.ts';
import { serveStatic } from './lib/site/serve.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const dir = resolve(ROOT, arg('dir') ?? 'site');
const port = Number(arg('port') ?? process.env.PORT ?? 8080);

if (!existsSync(dir)) {
  console.error(`${dir} does not exist: run npm run site first`);
  process.exitCode = 1;
} else {
  const { url } = await serveStatic(dir, port);
  console.log(`serving ${dir} on ${url} (Ctrl-C to stop)`);
}
