/**
 * A throwaway PostgreSQL cluster for tests and the bench: initdb + pg_ctl in a
 * temp dir on a free loopback port, stopped and deleted afterwards. As root,
 * runs the server as the `postgres` user (initdb refuses to run as root).
 *
 *   const pg = await startPostgresCluster(); … pg.url …; await pg.stop();
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresCluster {
  url: string;
  stop(): Promise<void>;
}

/** Directory of initdb/pg_ctl: PG_BIN, the newest /usr/lib/postgresql/N/bin, or PATH. */
export function findPostgresBin(): string | undefined {
  if (process.env.PG_BIN && existsSync(path.join(process.env.PG_BIN, 'pg_ctl'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'pg_ctl')) && existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** `durable`: keep fsync on (the bench compares with lowdb, which fsyncs); tests turn it off for speed. */
export async function startPostgresCluster(opts: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found: install the `postgresql` package or set PG_BIN');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-pg-'));
  const asRoot = process.getuid?.() === 0;
  const exec = async (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', full, ...args]) : run(full, args);
  };
  if (asRoot) await run('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const serverOpts = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      // Throwaway data: durability off makes the tests fast; the semantics under test do not depend on it.
      ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      '-c max_connections=300',
    ].join(' ');
    await exec('pg_ctl', ['-D', data, '-o', serverOpts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    const log = await fs.readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '');
    await fs.rm(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL: ${(err as Error).message}\n${log}`);
  }
  watchOwner(bin, data, dir, asRoot);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * If this process dies without calling stop() (a killed test run), a detached
 * shell notices and stops the cluster, so no server outlives its owner.
 */
function watchOwner(bin: string, data: string, dir: string, asRoot: boolean): void {
  const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}"${path.join(bin, 'pg_ctl')}"`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; [ -d "${data}" ] && ${pgCtl} -D "${data}" -m immediate stop >/dev/null 2>&1; rm -rf "${dir}"`;
  const watcher = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watcher.unref();
}
