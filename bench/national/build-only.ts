import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from './dataset.ts';
const [root, n] = process.argv.slice(2);
mkdirSync(root!, { recursive: true });
const d = await buildDataset(root!, Number(n), 2026);
writeFileSync(join(root!, 'dataset.json'), JSON.stringify(d));
