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
export { agendaOf, AGENDA_GROUPS, calendarOf, compareAgenda, GROUP_TITLES } from './agenda';
export type { AgendaGroup, AgendaItem, CalendarEntry } from './agenda';
export { newNoteFileName, renderNewNote, slug, yamlScalar } from './newnote';
export type { NewNoteFields } from './newnote';
export { DraftRenderer, TemplateError } from './drafts';
export { longDay, weekdayName } from './dates';
