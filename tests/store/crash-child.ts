// Saves one agency's assessment over and over, each time with the next revision, and prints
// `ack <revision>` once the save has resolved. The crash test kills it at random moments.
//   node --import tsx tests/store/crash-child.ts <dir> [agency]
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';

const dir = process.argv[2];
const agency = process.argv[3] ?? 'STP';
if (!dir) throw new Error('usage: crash-child.ts <dir> [agency]');
const ws = await WorkspaceStore.open(dir);
const start = await ws.readAssessment(agency);
process.stdout.write(`ready ${start?.revision ?? -1}\n`);
for (;;) {
  const saved = await ws.updateAssessment(agency, (a) => {
    if (!a) throw new Error('the crash test seeds the assessment first');
    const n = a.revision + 1;
    const code = Object.keys(a.items)[n % Object.keys(a.items).length] ?? '1.1';
    return {
      ...a,
      revision: n,
      items: { ...a.items, [code]: { ...a.items[code]!, note: `Cập nhật lần thứ ${n}: đã bổ sung tài liệu kiểm chứng.` } },
      updatedAt: new Date().toISOString(),
    };
  });
  process.stdout.write(`ack ${saved.revision}\n`);
}
