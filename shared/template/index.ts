export { checkTemplate, MAX_TOLERANCE } from './check.ts';
export { compileTemplate, type CompiledNode, type CompiledTemplate } from './compile.ts';
export { parseTemplate } from './parse.ts';
