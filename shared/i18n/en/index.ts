import { app } from './app.ts';
import { cli } from './cli.ts';
import { core } from './core.ts';
import { scoring } from './scoring.ts';
import { store } from './store.ts';
import { template } from './template.ts';
import { xlsx } from './xlsx.ts';

/*
 * One catalogue file per domain, keys namespaced by domain ("scoring.*", "template.*", "xlsx.*",
 * "store.*", "cli.*"), so that features never edit each other's strings.
 */
export const en = {
  ...core,
  ...template,
  ...scoring,
  ...xlsx,
  ...store,
  ...cli,
  ...app,
};
