import { EventEmitter } from 'node:events';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GuardedContents, installGuards, registerIpc } from '../../electron/main/guards.ts';
import { type AppContext, type Handlers, dispatch } from '../../electron/main/handlers/index.ts';
import { isInternalUrl, isSafeExternalUrl, resolveAppPath } from '../../electron/main/security.ts';

describe('which URLs the window treats as its own', () => {
  it('accepts only the app origin, parsed, never by substring', () => {
    expect(isInternalUrl('app://parscore/index.html')).toBe(true);
    for (const url of [
      'https://evil.example/?next=app://parscore',
      'app://parscore.evil.example/index.html',
      'app://user@parscore/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      'http://127.0.0.1:5173/',
    ]) {
      expect(isInternalUrl(url), url).toBe(false);
    }
    expect(isInternalUrl('http://127.0.0.1:5173/x', 'http://127.0.0.1:5173')).toBe(true);
    expect(isInternalUrl('http://127.0.0.1:5174/x', 'http://127.0.0.1:5173')).toBe(false);
  });

  it('opens outside only http(s) and mailto links', () => {
    expect(isSafeExternalUrl('https://thuvienphapluat.vn/van-ban')).toBe(true);
    expect(isSafeExternalUrl('mailto:snv@minhson.gov.vn')).toBe(true);
    for (const url of ['file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'https://user:pw@example.com/']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('serves app:// files only from inside the renderer folder', () => {
    const root = join(sep, 'app', 'renderer');
    expect(resolveAppPath(root, 'app://parscore/assets/index.js', join, sep)).toBe(join(root, 'assets', 'index.js'));
    expect(resolveAppPath(root, 'app://parscore/', join, sep)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://parscore/..%2F..%2Fetc%2Fpasswd', join, sep)).toBeNull();
    // The URL parser resolves dot segments first: the result stays inside the folder.
    expect(resolveAppPath(root, 'app://parscore/%2e%2e/%2e%2e/secret', join, sep)).toBe(join(root, 'secret'));
    expect(resolveAppPath(root, 'app://other/index.html', join, sep)).toBeNull();
  });
});

/** A stand-in for Electron's webContents: records what the guards decide. */
class FakeContents extends EventEmitter implements GuardedContents {
  openHandler: ((d: { url: string }) => { action: 'deny' } | { action: 'allow' }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' } | { action: 'allow' }): void {
    this.openHandler = h;
  }
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('window guards (Electron faked at the boundary)', () => {
  function setup() {
    const app = new EventEmitter();
    const permissions: boolean[] = [];
    let check: ((...a: unknown[]) => boolean) | null = null;
    const opened: string[] = [];
    installGuards(
      app as never,
      {
        setPermissionRequestHandler: (h) => h(null, 'media', (g) => permissions.push(g)),
        setPermissionCheckHandler: (h) => (check = h),
      },
      { openExternal: async (u) => void opened.push(u) },
    );
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    return { contents, permissions, opened, check: () => check };
  }

  it('blocks navigation and redirects away from the app, allows its own pages', () => {
    const { contents } = setup();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://parscore/index.html')).toBe(false);
  });

  it('denies every new window, handing only http(s)/mailto links to the system browser', () => {
    const { contents, opened } = setup();
    expect(contents.openHandler?.({ url: 'https://thuvienphapluat.vn/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://thuvienphapluat.vn/']);
  });

  it('denies permission requests and checks, and webviews', () => {
    const { contents, permissions, check } = setup();
    expect(permissions).toEqual([false]);
    expect(check()?.()).toBe(false);
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('IPC registration and validation', () => {
  const handlers = {
    'workspace:summary': async () => ({ called: 'summary' }),
    'assessment:get': async (i: { agency: string }) => ({ agency: i.agency }),
    'assessment:setItemInput': async () => ({}),
  } as unknown as Handlers;
  const ctx = { settings: { get: () => ({ version: 1, lang: 'vi', recent: [] }) } } as unknown as AppContext;

  it('registers exactly the contract channels and refuses calls from foreign frames', async () => {
    const registered = new Map<string, (e: { senderFrame?: { url: string } | null }, raw: unknown) => unknown>();
    registerIpc({ handle: (c, l) => void registered.set(c, l) }, ctx, undefined, handlers);
    expect([...registered.keys()].sort()).toEqual(['adjustments:list', 'adjustments:set', 'app:info', 'appraisal:explain', 'appraisal:get', 'appraisal:import', 'assessment:continueLate', 'assessment:get', 'assessment:setItemInput', 'audit:export', 'audit:list', 'awards:exportList', 'awards:override', 'awards:previewRules', 'awards:removeOverride', 'awards:rules', 'awards:setRules', 'awards:view', 'campaign:agenciesForm', 'campaign:create', 'campaign:export', 'campaign:exportTemplate', 'campaign:importTemplate', 'campaign:readAgencies', 'campaign:setAgencies', 'campaign:setBasics', 'campaign:setDeadlines', 'campaign:setIssuer', 'campaign:setRules', 'campaign:setTemplates', 'campaign:state', 'campaign:templateTree', 'entry:addEvidence', 'entry:editEvidence', 'entry:removeEvidence', 'entry:setExplanation', 'figures:list', 'figures:set', 'inbox:cancel', 'inbox:discard', 'inbox:import', 'inbox:stage', 'nominations:add', 'nominations:edit', 'nominations:list', 'nominations:remove', 'report:download', 'report:openFolder', 'report:options', 'report:selfAssessment', 'report:write', 'results:agency', 'results:consolidate', 'results:get', 'results:loadEarlier', 'review:evidence', 'review:export', 'review:exportAll', 'review:get', 'review:setAdjustment', 'review:setFalsified', 'review:setScore', 'review:setStatus', 'settings:get', 'settings:setLang', 'start:close', 'start:createHomeAffairs', 'start:inspectCampaign', 'start:joinCampaign', 'start:openDemo', 'start:pickFolder', 'start:state', 'submission:check', 'submission:export', 'survey:form', 'survey:preview', 'survey:scores', 'survey:store', 'workspace:open', 'workspace:summary']);
    const get = registered.get('assessment:get')!;
    expect(await get({ senderFrame: { url: 'https://evil.example/' } }, { agency: 'S01' })).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(await get({ senderFrame: { url: 'app://parscore/index.html' } }, { agency: 'S01' })).toEqual({ ok: true, value: { agency: 'S01' } });
  });

  it('rejects unknown channels, unknown keys and bad payloads before any service runs', async () => {
    expect(await dispatch('fs:readFile', {}, ctx, handlers)).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    expect(await dispatch('assessment:get', { agency: 'S01', extra: 1 }, ctx, handlers)).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION' } });
    expect(await dispatch('assessment:get', { agency: '../../etc' }, ctx, handlers)).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION' } });
    const bad = await dispatch('assessment:setItemInput', { agency: 'S01', item: '1.1', input: { kind: 'count', value: -1 } }, ctx, handlers);
    expect(bad).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION' } });
    // In the user's words, at the item: no schema path, no validator English.
    expect(!bad.ok && bad.error.message).toContain('mục 1.1');
    expect(!bad.ok && bad.error.message).toContain('Giá trị không được nhận');
    expect(!bad.ok && bad.error.message).not.toMatch(/input\.value|Too small|expected|Invalid/);
  });
});
