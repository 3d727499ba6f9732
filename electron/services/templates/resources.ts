import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shipped `templates/` folder is: inside the packaged app's resources, or the repository
 * root when running from source (found by walking up, so bundled and unbundled code agree).
 */
export function templatesRoot(): string {
  const fromEnv = process.env.PARSCORE_TEMPLATES_DIR;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, 'templates', 'criteria'))) return join(resources, 'templates');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'criteria'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('templates/ folder not found next to ParScore');
}
