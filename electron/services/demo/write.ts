import type { AgencyGroup, Template } from '../../../shared/schema/index.ts';
import { WorkspaceStore } from '../store/workspace.ts';
import { findBuiltin } from '../templates/builtin.ts';
import { groupSizes } from './agencies.ts';
import { generateDemo } from './generate.ts';
import { PROVINCE } from './province.ts';

export interface DemoSummary {
  dir: string;
  agencies: number;
  departments: number;
  districts: number;
  communes: number;
  submitted: number;
  missing: number;
  /** One assessment file, to show the user a next step. */
  sample: { template: string; file: string } | null;
}

function builtin(id: string): Template {
  const t = findBuiltin(id);
  if (!t) throw new Error(`built-in template ${id} is missing`);
  return t;
}

/** Creates the demo province's Home Affairs workspace in `dir` (which must be new or empty). */
export async function writeDemoWorkspace(dir: string, opts: { agencies: number; seed: number; year?: number }): Promise<DemoSummary> {
  const templates: Record<AgencyGroup, Template> = {
    department: builtin('par-so'),
    district: builtin('par-huyen'),
    commune: builtin('par-xa'),
  };
  const demo = generateDemo({ agencies: opts.agencies, seed: opts.seed, templates, extraTemplates: [builtin('iso-9001')], ...(opts.year ? { year: opts.year } : {}) });
  const submitted = new Set(demo.assessments.map((a) => a.agency));
  const ws = await WorkspaceStore.create(dir, {
    name: `Sở Nội vụ tỉnh ${PROVINCE.name}`,
    role: 'home-affairs',
    campaign: demo.campaign,
    templates: demo.templates,
    agencies: demo.agencies.map((a) => ({ ...a, status: submitted.has(a.code) ? 'submitted' : 'not_submitted', hasAssessment: submitted.has(a.code) })),
  });
  try {
    for (const a of demo.assessments) await ws.writeAssessment(a);
  } finally {
    await ws.close();
  }
  const sizes = groupSizes(opts.agencies);
  const first = demo.assessments[0];
  return {
    dir,
    agencies: demo.agencies.length,
    ...sizes,
    submitted: demo.assessments.length,
    missing: demo.missing.length,
    sample: first ? { template: first.template.id, file: `${dir}/assessments/${first.agency}.json` } : null,
  };
}
