import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../shared/i18n/index.ts';
import { review as en } from '../../shared/i18n/en/review.ts';
import { review as vi } from '../../shared/i18n/vi/review.ts';

const repo = join(import.meta.dirname, '..', '..');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the appraisal screen speaks through its catalogues', () => {
  it('every "review.*" key its screen, service, handler and CLI command name exists', () => {
    const dir = join(repo, 'renderer', 'src', 'features', 'review');
    const sources = [...readdirSync(dir).map((n) => join(dir, n)), join(repo, 'electron', 'services', 'review-service.ts'), join(repo, 'electron', 'main', 'handlers', 'review.ts'), join(repo, 'electron', 'cli', 'commands', 'appraisal.ts')];
    const keys = new Set<string>();
    for (const f of sources) for (const m of readFileSync(f, 'utf8').matchAll(/'(review\.[\w.-]+)'/g)) keys.add(m[1]!);
    // Built at run time (Adjustments.tsx: `review.adj.${name}`).
    keys.add('review.adj.bonus');
    keys.add('review.adj.penalty');
    expect(keys.size).toBeGreaterThan(60);
    expect([...keys].filter((k) => !hasMessage(k))).toEqual([]);
  });

  it('English has the same messages and placeholders; Vietnamese has its diacritics', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, text] of Object.entries(vi)) expect(placeholders(en[k as keyof typeof vi]), k).toEqual(placeholders(text));
    for (const [k, text] of Object.entries(vi)) if (text.split(' ').length >= 3) expect(/[\u00c0-\u1ef9]/.test(text), k).toBe(true);
  });
});
