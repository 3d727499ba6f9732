#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx parscore …` always uses the current sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
