/** The public surface of the pure language service. */
export * from './service';
export { parseNote } from './model';
export type { ParsedNote, Interview } from './model';
export { CONFIG_FILE, DEFAULT_CONFIG, DEFAULT_TEMPLATES_DIR, mergeConfig, parseConfigText, toLayer } from './config';
export type { Config, ConfigLayer } from './config';
export { formatDay, localDay, parseIsoDay } from './dates';
export type { Day } from './dates';
export { TEMPLATE_NAMES } from './drafts';
export type { TemplateLookup, TemplateName, TemplateSource } from './drafts';
export { RULE_IDS, DEFAULT_SEVERITY } from './types';
export type { RuleId, Severity } from './types';
