// Wall time and peak RSS of `node dist/cli.js lint ...`, one fresh process per run. Peak RSS comes
// from GNU time (`/usr/bin/time -f %M`, the child's maximum resident set) when it is installed, else
// from a preload module that writes `process.resourceUsage().maxRSS` when the process exits.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { processTree } from './lspSession.mjs';

const GNU_TIME = '/usr/bin/time';
const live = new Set();

/** SIGKILLs a run and what it started (GNU time's node child), by process id. */
function killRun(child) {
  for (const pid of processTree(child.pid).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

export function killAllCliRuns() {
  for (const child of live) killRun(child);
  live.clear();
}

/** How peak RSS is measured here: 'GNU time' or 'preload'. */
export function rssMethod() {
  return existsSync(GNU_TIME) ? 'GNU time (/usr/bin/time -f %M)' : 'process.resourceUsage().maxRSS from a preload module';
}

/**
 * Runs `node <cli> <args>` once in `cwd`, output discarded. Resolves with
 * { ms, rssKiB, exitCode, signal, timedOut, stderr }.
 */
export function runCliOnce({ cli, args, cwd, scratchDir, timeoutMs }) {
  const rssFile = join(scratchDir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  let command;
  let commandArgs;
  let env = process.env;
  if (existsSync(GNU_TIME)) {
    command = GNU_TIME;
    commandArgs = ['-f', '%M', '-o', rssFile, process.execPath, cli, ...args];
  } else {
    const preload = join(scratchDir, 'maxrss-preload.cjs');
    if (!existsSync(preload)) {
      writeFileSync(
        preload,
        "process.on('exit', () => require('node:fs').writeFileSync(process.env.LD_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
      );
    }
    command = process.execPath;
    commandArgs = ['--require', preload, cli, ...args];
    env = { ...process.env, LD_BENCH_RSS_FILE: rssFile };
  }
  return new Promise((resolve) => {
    const startedAt = performance.now();
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    live.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killRun(child);
    }, timeoutMs);
    const finish = (exitCode, signal) => {
      clearTimeout(timer);
      live.delete(child);
      const ms = performance.now() - startedAt;
      let rssKiB;
      try {
        // GNU time writes "Command exited with non-zero status N" before the figure: take the last line.
        const last = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1);
        if (/^\d+$/.test(last)) rssKiB = Number(last);
      } catch {
        // no figure (killed)
      }
      rmSync(rssFile, { force: true });
      // GNU time reports a child killed by a signal as its own non-zero exit: read the note it leaves.
      const killedBy = /Command terminated by signal (\d+)/.exec(stderr)?.[1];
      resolve({ ms, rssKiB, exitCode, signal: signal ?? (killedBy ? `signal ${killedBy}` : null), timedOut, stderr: stderr.trim() });
    };
    child.on('error', (error) => {
      stderr += error.message;
      finish(null, null);
    });
    child.on('exit', finish);
  });
}
