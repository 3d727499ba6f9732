import * as z from 'zod';
import type { CommendationRules } from '../schema/index.ts';
import { Code } from '../schema/index.ts';
import type { WrittenReport } from './report.ts';

/** The council's decision shown on a row: include / exclude, its reason, who and when. */
export interface AwardDecision {
  action: 'include' | 'exclude';
  reason: string;
  by: string;
  at: string;
}

/** One subject of an award's list, its reasons in the user's words. */
export interface AwardRow {
  /** Stable within the view: kind, rule, agency and subject. */
  key: string;
  kind: 'collective' | 'individual';
  rule: string;
  /** Agency code for a collective proposed as itself, nomination id for a person. */
  subject: string;
  agency: string;
  agencyName: string;
  name: string;
  /** STT on the list (candidates only). */
  stt: number | null;
  /** Every condition met, briefly ("hạng 1", "loại A"…). */
  met: string[];
  /** The first condition failed: an excluded nominee's reason, or the one a candidate put on the list by the council does not meet. */
  failed: string | null;
  decision: AwardDecision | null;
}

/** One award (rule) with its candidates and excluded nominees. */
export interface AwardRuleView {
  kind: 'collective' | 'individual';
  rule: string;
  award: string;
  candidates: AwardRow[];
  excluded: AwardRow[];
}

/**
 * The commendation screen: `no-results` while no submission was received (nothing to select from);
 * `issues` are the consolidation's notes on commendation (a decision that matches nobody …).
 */
export interface AwardsView {
  state: 'no-results' | 'ready';
  rules: AwardRuleView[];
  /** Nominations for an award the rules do not have. */
  unknown: AwardRow[];
  issues: string[];
}

/** The rules editor: the campaign's rules as stored and the campaign's band codes they may name. */
export interface RulesView {
  rules: CommendationRules;
  bands: { code: string; label: string }[];
}

/** A rules check or save that failed: each problem in words, with the path of the field it is about ("collectives.0.minIndex"). */
export interface RuleProblem {
  path: string;
  message: string;
}

const Subject = z.strictObject({ rule: Code, agency: Code, subject: z.string().min(1).max(100) });

/** Channels of the commendation screen and the rules editor (electron/services/awards-service.ts). */
export const awardsChannels = {
  'awards:view': { input: z.strictObject({}), output: z.custom<AwardsView>() },
  /** The council's decision: the reason is checked by the service (said at the field), not by this contract. */
  'awards:override': {
    input: z.strictObject({ ...Subject.shape, action: z.enum(['include', 'exclude']), reason: z.string().max(5000) }),
    output: z.custom<AwardsView>(),
  },
  'awards:removeOverride': { input: z.strictObject({ ...Subject.shape, reason: z.string().max(5000) }), output: z.custom<AwardsView>() },
  /** The official workbook (Danh sách đề nghị khen thưởng.xlsx), as `parscore report --only commendation` writes it. */
  'awards:exportList': { input: z.strictObject({}), output: z.custom<WrittenReport>() },
  'awards:rules': { input: z.strictObject({}), output: z.custom<RulesView>() },
  /** The rules as the form holds them: checked by the rules' own check (shared/awards/rules.ts), every problem at its field. */
  'awards:setRules': {
    input: z.strictObject({ rules: z.unknown() }),
    output: z.custom<{ ok: true; rules: RulesView } | { ok: false; problems: RuleProblem[] }>(),
  },
  'awards:previewRules': {
    input: z.strictObject({ rules: z.unknown() }),
    output: z.custom<{ ok: true; view: AwardsView } | { ok: false; problems: RuleProblem[] }>(),
  },
} as const;
