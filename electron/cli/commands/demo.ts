import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoCycle } from '../../services/demo/cycle.ts';
import { writeDemoWorkspace } from '../../services/demo/write.ts';
import { type CliContext, msg } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { type Runner, positiveInt } from '../main.ts';
import { applyLocale } from '../program.ts';

export function registerDemo(ctx: CliContext, program: Command, runner: Runner): void {
  applyLocale(ctx, program.command('demo'))
    .description(msg(ctx, 'cli.demo.description'))
    .argument('<dir>', msg(ctx, 'cli.arg.demo_dir'))
    .option('--agencies <n>', msg(ctx, 'cli.opt.agencies'), positiveInt(ctx), 150)
    .option('--seed <s>', msg(ctx, 'cli.opt.seed'), positiveInt(ctx), 2024)
    .option('--if-missing', msg(ctx, 'cli.opt.if_missing'))
    .option('--submissions <outdir>', msg(ctx, 'cli.opt.submissions'))
    .option('--year <year>', msg(ctx, 'cli.opt.demo_year'), positiveInt(ctx))
    .action(
      runner.wrap(async (dir: string, opts: { agencies: number; seed: number; ifMissing?: boolean; submissions?: string; year?: number }): Promise<ExitCode> => {
        if (opts.ifMissing && existsSync(join(dir, 'workspace.json'))) {
          ctx.out(msg(ctx, 'cli.demo.exists', { dir }));
          return EXIT.OK;
        }
        if (opts.agencies < 3) {
          ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--agencies ${opts.agencies} (≥ 3)` }));
          return EXIT.USAGE;
        }
        // The campaign's dates run from its year into January of the next: all within the plausible range (from 2000, not past a year from today).
        const latest = new Date().getFullYear();
        if (opts.year !== undefined && (opts.year < 2000 || opts.year > latest)) {
          ctx.err(msg(ctx, 'cli.usage.invalid_argument', { v: `--year ${opts.year} (2000–${latest})` }));
          return EXIT.USAGE;
        }
        const year = opts.year ? { year: opts.year } : {};
        if (opts.submissions) {
          const c = await writeDemoCycle(dir, opts.submissions, { agencies: opts.agencies, seed: opts.seed, ...year });
          ctx.out(msg(ctx, 'cli.demo.done', { dir, agencies: c.agencies, departments: c.departments, districts: c.districts, communes: c.communes, submitted: c.files.length, missing: c.missing }));
          ctx.out(msg(ctx, 'cli.demo.submissions_done', { agencies: c.files.length, files: c.files.length, dir: opts.submissions }));
          ctx.out(`  npx parscore import ${dir} ${opts.submissions}${opts.year ? ` --received-at ${opts.year}-12-10` : ''}`);
          ctx.out(`  npx parscore survey import ${dir} ${c.surveyFile}`);
          ctx.out(`  npx parscore consolidate ${dir} --out ${join(dir, 'results')}`);
          return EXIT.OK;
        }
        const s = await writeDemoWorkspace(dir, { agencies: opts.agencies, seed: opts.seed, ...year });
        ctx.out(msg(ctx, 'cli.demo.done', { dir, agencies: s.agencies, departments: s.departments, districts: s.districts, communes: s.communes, submitted: s.submitted, missing: s.missing }));
        if (s.sample) ctx.out(msg(ctx, 'cli.demo.next', s.sample));
        return EXIT.OK;
      }),
    );
}
