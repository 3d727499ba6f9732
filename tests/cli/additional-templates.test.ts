import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { builtinTemplate, filledAssessment } from '../cycle/helpers.ts';
import { cli } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-additional-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parscore with the ISO 9001 checklist beside the PAR index', () => {
  it('campaign create with two templates per group, exempt, show, export → agency init → submission → import → appraisal of an ISO item', async () => {
    const list = join(tmp, 'danh-sach.xlsx');
    writeFileSync(
      list,
      await writeAgencyListForm('vi', [
        { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
        { code: 'S02', name: 'Sở Tư pháp', group: 'department', parent: null },
        { code: 'X001', name: 'Phường Quang Trung', group: 'commune', parent: null },
      ]),
    );
    const ha = join(tmp, 'snv');
    const created = await cli(
      'campaign', 'create', ha, '--year', '2026', '--agencies', list, '--province', 'Minh Sơn',
      '--template', 'department=par-so', '--template', 'department=iso-9001-2008', '--template', 'commune=par-xa', '--template', 'commune=iso-9001',
    );
    expect(created.code, created.err).toBe(0);
    let show = await cli('campaign', 'show', ha);
    expect(show.out).toContain('Bộ tiêu chí cho sở, ban, ngành: par-so@1');
    expect(show.out).toContain('Bộ tiêu chí bổ sung cho sở, ban, ngành (không dùng để xếp hạng): iso-9001@1');
    expect(show.out).toContain('Bộ tiêu chí bổ sung cho UBND cấp xã (không dùng để xếp hạng): iso-9001@1');

    expect((await cli('campaign', 'show', ha, '--lang', 'en')).out).toContain('Additional templates for');
    const exempt = await cli('campaign', 'exempt', ha, '--agency', 'X001', '--template', 'iso-9001', '--reason', 'Phường mới thành lập, chưa xây dựng ISO');
    expect(exempt.code, exempt.err).toBe(0);
    expect(exempt.out).toContain('Đã đánh dấu X001 không áp dụng bộ tiêu chí iso-9001.');
    show = await cli('campaign', 'show', ha);
    expect(show.out).toContain('Không áp dụng iso-9001: X001 (Phường Quang Trung) — lý do: Phường mới thành lập, chưa xây dựng ISO');
    const unknown = await cli('campaign', 'exempt', ha, '--agency', 'S99', '--template', 'iso-9001');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('S99');
    const ranked = await cli('campaign', 'exempt', ha, '--agency', 'S02', '--template', 'par-so');
    expect(ranked.code).toBe(1);
    expect(ranked.err).toContain('Bộ tiêu chí par-so không phải bộ tiêu chí bổ sung của nhóm cơ quan này (các bộ bổ sung của nhóm: iso-9001)');
    expect((await cli('campaign', 'exempt', ha, '--agency', 'X001', '--template', 'iso-9001', '--remove')).code).toBe(0);
    expect((await cli('campaign', 'show', ha)).out).not.toContain('Không áp dụng');
    const twice = await cli('campaign', 'create', join(tmp, 'hai-lan'), '--year', '2026', '--agencies', list, '--province', 'Minh Sơn', '--template', 'department=par-so', '--template', 'department=par-so');
    expect(twice.code).toBe(2);

    const campaignFile = join(tmp, 'dot.parscore');
    expect((await cli('campaign', 'export', ha, '--out', campaignFile)).code).toBe(0);
    const stpDir = join(tmp, 'stp');
    expect((await cli('agency', 'init', stpDir, '--campaign', campaignFile, '--agency', 'S02')).code).toBe(0);

    // A fresh agency workspace: the refusal says what to do.
    const out1 = join(tmp, 'S02-r1.parscore');
    const empty = await cli('submission', 'export', stpDir, 'S02', '--out', out1);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('chưa nhập điểm tiêu chí nào');
    expect(empty.err).toContain('parscore item set');

    // Scores entered (through the store here; the entry commands write the same file).
    const so = await builtinTemplate('par-so-2026');
    const ws = await WorkspaceStore.open(stpDir);
    try {
      const a = filledAssessment(so, 'S02', 'cchc-2026');
      a.additional = { 'iso-9001': { template: { id: 'iso-9001', version: 1 }, items: { A1: { input: { kind: 'binary', value: 'yes' }, selfScore: 4, evidence: [] } } } };
      await ws.writeAssessment(a);
    } finally {
      await ws.close();
    }
    const sent = await cli('submission', 'export', stpDir, 'S02', '--out', out1);
    expect(sent.code, sent.err).toBe(0);
    const verified = await cli('submission', 'verify', out1);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('Bộ tiêu chí bổ sung iso-9001@1: 1 mục đã nhập');
    const imported = await cli('import', ha, out1);
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toContain('tiếp nhận — cơ quan S02, lần gửi 1');
    expect(imported.out).not.toContain('chưa tự đánh giá');

    const above = await cli('appraisal', 'set', ha, 'S02', 'A1', '5', '--template', 'iso-9001');
    expect(above.code).toBe(1);
    expect(above.err).toContain('bộ tiêu chí iso-9001 · cơ quan S02 · mục A1');
    expect(above.err).toContain('vượt điểm tối đa 4');
    const set = await cli('appraisal', 'set', ha, 'S02', 'A1', '2,5', '--template', 'iso-9001', '--comment', 'Chưa công bố lại');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('Đã lưu: cơ quan S02, mục iso-9001/A1.');
    const log = await cli('appraisal', 'log', ha, '--agency', 'S02');
    expect(log.out).toMatch(/S02 {2}Điểm thẩm định iso-9001\/A1 {2}— → 2,5/);
  }, 60_000);
});
