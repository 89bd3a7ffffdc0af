/** The Node edge: the only code that touches the file system. Hosts import from here. */
export { resolveToday, TODAY_ENV } from './today';
export { Yielder } from './yielder';
export { youngGenerationCap } from './heap';
export { staysWithin, walk } from './walk';
export type { Walked } from './walk';
export { decode, MAX_NOTE_BYTES, NOTE_CHUNK_BYTES, NoteReader, readTextSync, reason } from './read';
export { ConfigResolver, included } from './config';
export type { ConfigFile, Refusal, Resolved, ResolverOptions } from './config';
export { builtinTemplatesDir, findTemplate, MAX_TEMPLATE_BYTES, readWorkspaceTemplate, templateLookup } from './templates';
export * from './files';
export * from './write';
