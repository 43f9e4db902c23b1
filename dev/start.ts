/**
 * `npm start`: builds the dev host, starts the SharePoint emulator with the sample content and
 * serves the Säkerhet section at http://localhost:8080 (PORT to change). No tenant, no internet,
 * no certificate.
 *
 *   npm start                     keep the data of the last run (.data/)
 *   npm start -- --reset          start over from the sample content
 *   npm start -- --port 9000      or PORT=9000 npm start
 *   npm start -- --data DIR       keep the data somewhere else
 *   npm start -- --no-build       skip the dev host build (tests that only need the emulator)
 *   SITE_TIME_ZONE=America/New_York npm start   the site's regional-settings time zone (IANA name
 *                                 or SharePoint zone ID; default Europe/Stockholm)
 *   npm start -- --allowed-host sakerhet.test   answer to that name too (as webpack-dev-server's
 *                                 allowedHosts; ALLOWED_HOSTS=a,b does the same): by default only
 *                                 localhost, *.localhost and IP addresses, against DNS rebinding
 *   SITE_LANGUAGE=1033 npm start  an English site (default 1053, Swedish): SharePoint's answers
 *                                 and error messages come in the site's language
 *   GRAPH_MAIL_SEND=0 npm start   Mail.Send not approved on the API access page: the Graph
 *                                 stand-in refuses sendMail (403); the outbox page switches it too
 */
import { rmSync } from 'fs';
import { join, resolve } from 'path';
import { buildHost } from './build-host';
import { startDevServer } from './server';

interface Args {
  port: number;
  dataDir: string;
  reset: boolean;
  build: boolean;
  allowedHosts: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    port: Number(process.env.PORT ?? 8080),
    dataDir: resolve(join(__dirname, '..', '.data')),
    reset: false,
    build: true,
    allowedHosts: (process.env.ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reset') {
      args.reset = true;
    } else if (a === '--no-build') {
      args.build = false;
    } else if (a === '--port') {
      args.port = Number(argv[++i]);
    } else if (a === '--data') {
      args.dataDir = resolve(argv[++i]);
    } else if (a === '--allowed-host' && argv[i + 1]) {
      args.allowedHosts.push(argv[++i]);
    } else {
      throw new Error(`Unknown option ${a}. Options: --reset, --port N, --data DIR, --no-build, --allowed-host NAME`);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new Error(`PORT must be a number between 0 and 65535, not ${process.env.PORT}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    const started = Date.now();
    await buildHost();
    console.log(`Built the dev host in ${Date.now() - started} ms`);
  }
  if (args.reset) {
    rmSync(args.dataDir, { recursive: true, force: true });
    console.log('Starting over from the sample content (--reset)');
  }
  const language = process.env.SITE_LANGUAGE ?? '1053';
  if (language !== '1053' && language !== '1033') {
    throw new Error(`SITE_LANGUAGE must be 1053 (Swedish) or 1033 (English), not ${language}.`);
  }
  const server = await startDevServer({
    port: args.port,
    dataDir: args.dataDir,
    siteTimeZone: process.env.SITE_TIME_ZONE,
    siteLanguage: Number(language) as 1053 | 1033,
    allowedHosts: args.allowedHosts,
    mailSendApproved: process.env.GRAPH_MAIL_SEND !== '0'
  });
  const counts = [...server.store.lists.values()].map((l) => `${l.schema.title}: ${l.items.size}`).join(', ');
  console.log(`Local SharePoint emulator: ${counts} (data in ${args.dataDir}; site time zone ${server.store.timeZone.iana})`);
  console.log(`Säkerhet is running at ${server.url}/`);
  console.log(`E-mail the app sends through the Graph stand-in: ${server.url}/?dev=outbox (Mail.Send ${server.graph.mailSendApproved ? 'approved' : 'not approved'})`);
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error & { code?: string }) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`The port is in use. Stop the other server or choose another port: PORT=9000 npm start`);
  } else {
    console.error(err.message);
  }
  process.exit(1);
});
