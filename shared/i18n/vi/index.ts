import { app } from './app.ts';
import { arules } from './arules.ts';
import { cli } from './cli.ts';
import { core } from './core.ts';
import { cycle } from './cycle.ts';
import { entry } from './entry.ts';
import { cliEntry } from './cli-entry.ts';
import { figure } from './figure.ts';
import { pkg } from './package.ts';
import { rboard } from './rboard.ts';
import { report } from './report.ts';
import { results } from './results.ts';
import { rlist } from './rlist.ts';
import { radd } from './radd.ts';
import { sbook } from './sbook.ts';
import { scoring } from './scoring.ts';
import { service } from './service.ts';
import { store } from './store.ts';
import { template } from './template.ts';
import { xlsx } from './xlsx.ts';
import { ximport } from './ximport.ts';
import { wsafe } from './wsafe.ts';
import { shell } from './shell.ts';
import { integrity } from './integrity.ts';
import { officer } from './officer.ts';
import { send } from './send.ts';
import { appraisalUi } from './appraisal-ui.ts';
import { sets } from './sets.ts';
import { start } from './start.ts';
import { declared } from './declared.ts';
import { review } from './review.ts';
import { awardsUi } from './awards-ui.ts';
import { reportsUi } from './reports-ui.ts';
import { auditUi } from './audit-ui.ts';
import { surveyUi } from './survey-ui.ts';
import { resultsUi } from './results-ui.ts';
import { campaignUi } from './campaign-ui.ts';
import { inbox } from './inbox.ts';

/*
 * One catalogue file per domain, keys namespaced by domain ("scoring.*", "template.*", "xlsx.*",
 * "store.*", "cli.*"), so that features never edit each other's strings.
 */
export const vi = {
  ...core,
  ...template,
  ...scoring,
  ...xlsx,
  ...ximport,
  ...store,
  ...cli,
  ...app,
  ...service,
  ...pkg,
  ...results,
  ...cycle,
  ...figure,
  ...entry,
  ...cliEntry,
  ...rlist,
  ...radd,
  ...report,
  ...rboard,
  ...arules,
  ...sbook,
  ...wsafe,
  ...shell,
  ...integrity,
  ...officer,
  ...send,
  ...appraisalUi,
  ...sets,
  ...start,
  ...declared,
  ...review,
  ...awardsUi,
  ...reportsUi,
  ...auditUi,
  ...surveyUi,
  ...resultsUi,
  ...campaignUi,
  ...inbox,
};
