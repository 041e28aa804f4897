/** Types of `system-setup.mjs` for the TypeScript tests that use it. */
export interface Requirement {
  name: string;
  debian: string;
  present: boolean;
  usedBy: string[];
  without: string;
  suites?: string[];
  files?: RegExp;
}
export interface Machine {
  uid: number | undefined;
  has(command: string): boolean;
  exists(path: string): boolean;
  env: Record<string, string | undefined>;
  postgres: boolean;
}
export interface Missing {
  requirement: Requirement;
  command: string;
}
export interface Plan {
  install: Requirement[];
  missing: Missing[];
  installCommand?: string;
}
export function requirements(machine: Machine): Requirement[];
export function planSystemSetup(machine: Machine, suites: string[]): Plan;
export function currentMachine(options: { postgres: boolean }): Machine;
export function installMissing(plan: Plan): boolean;
export function missingReport(missing: Missing[]): string[];
