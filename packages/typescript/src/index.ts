// Loading .ts diagram modules
export type { ModuleOptions } from './load-module.js';
export { loadDiagramModule } from './load-module.js';

// Type-checking them
export type { TypeCheckOptions } from './type-check.js';
export { typeCheckDiagramModule } from './type-check.js';

/** True for the file names diagrama treats as TypeScript diagram modules. */
export function isTypeScriptModule(path: string): boolean {
  return /\.(m?ts)$/i.test(path) && !/\.d\.m?ts$/i.test(path);
}
