/**
 * `npm run app:demo` where Electron's binary is absent (as in CI): one line says so, the browser
 * mode starts on the demo workspace and prints its address; a failure is one sentence. Never a
 * stack trace. The launcher runs as a child process, as npm runs it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decideLaunch, electronBinary } from '../../electron/launch/electron-binary.ts';
import { browserOpener } from '../../electron/web/run.ts';

const repo = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'parscore-launch-'));
const renderer = join(root, 'renderer');
mkdirSync(renderer);
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ParScore</title>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Electron "absent" whatever this machine has, and no download attempt. */
const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(root, 'no-electron-here'), PARSCORE_ELECTRON_DOWNLOAD: '0', PARSCORE_LANG: 'vi' };

function launch(args: string[]): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'app-demo.ts'), '--no-build', '--no-open', '--renderer', renderer, '--user-data', join(root, 'ud'), ...args], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return { child, out: () => out, err: () => err };
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.on('exit', (code) => r(code))));

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => request(url, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject).end());
}

describe('the launcher decides', () => {
  it('window when the binary is there, one download try, else the browser mode', () => {
    expect(decideLaunch('/x/electron', { downloadAllowed: true, downloadTried: false })).toEqual({ kind: 'window', binary: '/x/electron' });
    expect(decideLaunch(null, { downloadAllowed: true, downloadTried: false })).toEqual({ kind: 'download' });
    expect(decideLaunch(null, { downloadAllowed: true, downloadTried: true })).toEqual({ kind: 'browser' });
    expect(decideLaunch(null, { downloadAllowed: false, downloadTried: false })).toEqual({ kind: 'browser' });
  });

  it('finds no binary where the dist folder has none, without trying to download it', () => {
    expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: join(root, 'nothing') })).toBeNull();
  });

  it('opens the system browser only where an opener exists', () => {
    expect(browserOpener('linux', '')).toBeNull();
    expect(browserOpener('linux', join(root, 'empty-bin'))).toBeNull();
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\n');
    expect(browserOpener('linux', bin)).toEqual({ cmd: 'xdg-open', args: [] });
    expect(browserOpener('win32', '')?.cmd).toBe('cmd');
  });
});

describe('npm run app:demo without Electron', () => {
  it('makes the demo, says in one line that there is no window, and serves the demo in the browser mode', async () => {
    const ws = join(root, 'demo');
    const run = launch(['--workspace', ws]);
    try {
      await expect.poll(() => run.out(), { timeout: 60_000, interval: 200 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?k=\S+/);
      const lines = run.out().trim().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toBe(`Thư mục làm việc mẫu: ${ws}`);
      expect(lines[1]).toBe('Không có tệp chạy Electron trên máy này nên không mở được cửa sổ; mở ParScore trong trình duyệt thay thế.');
      expect(lines[2]).toMatch(/^ParScore trong trình duyệt: http:\/\/127\.0\.0\.1:\d+\/\?k=/);
      expect(run.err()).toBe('');
      const url = /http:\S+/.exec(lines[2]!)![0];
      expect(await get(url)).toBe(302);
      expect(await get(url.replace(/\?k=.*/, ''))).toBe(403);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await exited(run.child)).toBe(0);
  }, 90_000);

  it('a folder that is no workspace: one sentence naming the problem, exit 3, no stack trace', async () => {
    const notWs = join(root, 'plain-folder');
    mkdirSync(notWs);
    writeFileSync(join(notWs, 'workspace.json'), '{"not": "a workspace"}');
    const run = launch(['--workspace', notWs]);
    expect(await exited(run.child)).toBe(3);
    const err = run.err().trim();
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/^Không khởi động được ParScore: /);
    expect(err).toContain('workspace.json');
    expect(run.out() + err).not.toMatch(/\n\s+at |Error:/);
  }, 60_000);
});
