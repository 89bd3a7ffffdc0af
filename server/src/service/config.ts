/**
 * Configuration: defaults, the workspace file `.interview-followup.yaml`, and editor settings
 * layered over it. Parsing is pure; hosts find and read the file.
 */
import { isMap, isScalar, isSeq, Node, YAMLMap, YAMLSeq } from 'yaml';
import { Span, visibleSpan } from './frontmatter';
import { globProblem } from './glob';
import { RULE_IDS, RuleId, Severity } from './types';
import { MAX_YAML_CHARS, MAX_YAML_ERRORS, parseYaml } from './yamlparse';
import { DEFAULT_WORKDAYS, readWorkingDays, WorkingDays } from './workdays';

import { CONFIG_FILE, DEFAULT_TEMPLATES_DIR } from '../protocol';

export { CONFIG_FILE, DEFAULT_TEMPLATES_DIR };

export interface Sender {
  name?: string;
  email?: string;
  phone?: string;
}

export type RuleSetting = 'off' | Severity;

export interface Config extends WorkingDays {
  sender: Sender;
  checkInGraceDays: number;
  checkInWaitDays: number;
  letGoDays: number;
  maxFollowUps: number;
  templatesDir: string;
  rules: Partial<Record<RuleId, RuleSetting>>;
  include: string[];
  exclude: string[];
  /** Your mail addresses (besides sender.email): `import` never lists you as your own interviewer. */
  me: string[];
}

/** A partial configuration, as one layer (file or settings) gives it. */
export type ConfigLayer = Partial<Omit<Config, 'sender' | 'rules'>> & { sender?: Sender; rules?: Partial<Record<RuleId, RuleSetting>> };

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  sender: {},
  checkInGraceDays: 3,
  checkInWaitDays: 7,
  letGoDays: 14,
  maxFollowUps: 1,
  templatesDir: DEFAULT_TEMPLATES_DIR,
  rules: {},
  include: ['**/*.md', '**/*.markdown'],
  exclude: [],
  me: [],
  workdays: DEFAULT_WORKDAYS,
  holidays: [],
});

const NUMBER_KEYS = ['checkInGraceDays', 'checkInWaitDays', 'letGoDays', 'maxFollowUps'] as const;
const SETTINGS = ['off', 'error', 'warning', 'information', 'hint'];
/** The keys of `.interview-followup.yaml` (its JSON Schema lists the same: test/unit/config-schema.test.ts). */
export const FILE_KEYS = ['sender', ...NUMBER_KEYS, 'templatesDir', 'rules', 'include', 'exclude', 'me', 'workdays', 'holidays'] as const;

export interface ConfigProblem {
  span: Span;
  message: string;
}

/** Layers later entries over earlier ones; undefined values do not override. */
export function mergeConfig(...layers: (ConfigLayer | undefined)[]): Config {
  const out: Config = { ...DEFAULT_CONFIG, sender: {}, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const k of NUMBER_KEYS) if (layer[k] !== undefined) out[k] = layer[k]!;
    if (layer.templatesDir !== undefined) out.templatesDir = layer.templatesDir;
    if (layer.include !== undefined) out.include = layer.include;
    if (layer.exclude !== undefined) out.exclude = layer.exclude;
    if (layer.me !== undefined) out.me = layer.me;
    if (layer.sender) out.sender = { ...out.sender, ...stripUndefined(layer.sender) };
    if (layer.rules) out.rules = { ...out.rules, ...stripUndefined(layer.rules) };
    if (layer.workdays !== undefined) out.workdays = layer.workdays;
    if (layer.holidays !== undefined) out.holidays = layer.holidays;
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

/**
 * Validates a plain object (editor settings or the parsed file) into a layer. Problems name
 * the offending key path, and whether they are about the key itself (an unknown one) or its value.
 */
export function toLayer(raw: unknown, report: (path: string[], message: string, on?: 'key' | 'value') => void, source: 'settings' | 'file' = 'settings'): ConfigLayer {
  const layer: ConfigLayer = {};
  if (raw === null || raw === undefined) return layer;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    report([], 'The configuration should be a mapping of settings');
    return layer;
  }
  const o = raw as Record<string, unknown>;
  for (const k of NUMBER_KEYS) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650) layer[k] = v;
    else report([k], `${k} should be a whole number of days (0 or more), not ${JSON.stringify(v)}`);
  }
  if (o.templatesDir !== undefined && o.templatesDir !== null && o.templatesDir !== '') {
    if (typeof o.templatesDir === 'string') layer.templatesDir = o.templatesDir;
    else report(['templatesDir'], 'templatesDir should be a folder path');
  }
  for (const k of ['include', 'exclude'] as const) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    const list = typeof v === 'string' ? [v] : v;
    if (Array.isArray(list) && list.every((g) => typeof g === 'string' && g.trim() !== '')) {
      // Empty means not set: an empty include would check nothing, and the settings' list
      // editors start empty, which must not override the file's exclude.
      if (list.length === 0) continue;
      const bad = (list as string[]).map((g) => [g, globProblem(g)] as const).find(([, problem]) => problem);
      if (bad) report([k], `${k} glob ${JSON.stringify(bad[0].length > 60 ? `${bad[0].slice(0, 57)}...` : bad[0])} ${bad[1]}`);
      else layer[k] = list as string[];
    } else report([k], `${k} should be a glob or a list of globs, none of them empty`);
  }
  if (o.me !== undefined && o.me !== null && o.me !== '') {
    const list = typeof o.me === 'string' ? [o.me] : o.me;
    if (Array.isArray(list) && list.every((a) => typeof a === 'string' && /^[^\s@]+@[^\s@]+$/.test(a.trim()))) {
      if (list.length > 0) layer.me = (list as string[]).map((a) => a.trim().toLowerCase());
    } else report(['me'], 'me should be your mail address or a list of them');
  }
  if (o.sender !== undefined && o.sender !== null) {
    if (typeof o.sender !== 'object' || Array.isArray(o.sender)) report(['sender'], 'sender should be a mapping with name, email, phone');
    else {
      const s = o.sender as Record<string, unknown>;
      layer.sender = {};
      for (const f of ['name', 'email', 'phone'] as const) {
        const v = s[f];
        if (v === undefined || v === null || v === '') continue;
        if (typeof v === 'string' || typeof v === 'number') layer.sender[f] = String(v);
        else report(['sender', f], `sender.${f} should be text`);
      }
      for (const k of Object.keys(s)) {
        if (!['name', 'email', 'phone'].includes(k)) report(['sender', k], `Unknown sender key '${k}' (sender has name, email, phone)`, 'key');
      }
    }
  }
  if (o.rules !== undefined && o.rules !== null) {
    if (typeof o.rules !== 'object' || Array.isArray(o.rules)) report(['rules'], 'rules should map rule ids to off, error, warning, information or hint');
    else {
      layer.rules = {};
      for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          report(['rules', id], `Unknown rule '${id}' (rules: ${RULE_IDS.join(', ')})`, 'key');
          continue;
        }
        // YAML 1.2 reads a bare `off` as the string "off"; a `false` means off too.
        const setting = v === false ? 'off' : v;
        if (typeof setting === 'string' && SETTINGS.includes(setting)) layer.rules[id as RuleId] = setting as RuleSetting;
        else report(['rules', id], `Rule '${id}' should be off, error, warning, information or hint, not ${JSON.stringify(v)}`);
      }
    }
  }
  readWorkingDays(o, layer, report);
  // `today` and `trace` are editor settings only: in the file they would silently do nothing.
  const known = new Set<string>([...FILE_KEYS, ...(source === 'settings' ? ['today', 'trace'] : [])]);
  for (const k of Object.keys(o)) {
    if (known.has(k)) continue;
    const hint = k === 'today' ? ' (pin today with --today, INTERVIEW_FOLLOWUP_TODAY or the editor setting interviewFollowup.today)' : '';
    report([k], `Unknown setting '${k}'${hint}`, 'key');
  }
  return layer;
}

/** Parses the text of `.interview-followup.yaml`: a layer and the problems found, with spans. */
export function parseConfigText(text: string): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (text.length > MAX_YAML_CHARS) {
    return { layer: {}, problems: [{ span: { start: 0, end: Math.min(text.length, 3) }, message: `The configuration is too large to read (at most ${MAX_YAML_CHARS / 1024} KB)` }] };
  }
  let doc;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return { layer: {}, problems: [{ span: { start: 0, end: 0 }, message: `The configuration cannot be parsed: ${(err as Error).message}` }] };
  }
  if (doc.errors.length > 0) {
    const all = { start: 0, end: text.length };
    for (const e of doc.errors) problems.push({ span: visibleSpan(text, { start: e.pos[0], end: e.pos[1] }, all), message: e.message.split('\n')[0] });
    return { layer: {}, problems };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { layer: {}, problems: [{ span: { start: 0, end: Math.min(text.length, 3) }, message: `The configuration cannot be read: ${(err as Error).message}` }] };
  }
  // Capped: a file of thousands of unknown keys would make as many lines (and spanIn scans).
  let more = 0;
  const layer = toLayer(raw, (path, message, on = 'value') => {
    if (problems.length < MAX_YAML_ERRORS) problems.push({ span: spanIn(doc.contents as Node | null, text, path, on), message });
    else more++;
  }, 'file');
  if (more > 0) problems.push({ span: { start: 0, end: Math.min(text.length, 1) }, message: `${more} more problems not listed` });
  return { layer, problems };
}

/** The span of the value (or key) at `path` in a parsed configuration; the first character when it is not there. */
function spanIn(contents: Node | null, text: string, path: string[], on: 'key' | 'value'): Span {
  let node = contents;
  let span: Span = { start: 0, end: Math.min(text.length, 1) };
  for (const [i, p] of path.entries()) {
    if (isSeq(node)) {
      // A list item (`workdays`, `holidays`): its own value.
      const item = (node as YAMLSeq).items[Number(p)] as Node | undefined;
      if (item?.range) span = { start: item.range[0], end: item.range[1] };
      break;
    }
    if (!isMap(node)) break;
    const pair = (node as YAMLMap).items.find((item) => isScalar(item.key) && String(item.key.value) === p);
    if (!pair) break;
    // An unknown key is underlined itself, not the value it holds.
    const onKey = on === 'key' && i === path.length - 1;
    const target = onKey ? (pair.key as Node) : (pair.value as Node | null) ?? (pair.key as Node);
    if (target?.range) span = { start: target.range[0], end: target.range[1] };
    else if ((pair.key as Node)?.range) span = { start: (pair.key as Node).range![0], end: (pair.key as Node).range![1] };
    node = pair.value as Node | null;
  }
  return span;
}

/** Where a problem about the setting `key` goes in the text of a configuration file: its value, else the first character. */
export function configSpan(text: string, key: string): Span {
  try {
    return spanIn(parseYaml(text).contents as Node | null, text, [key], 'value');
  } catch {
    return { start: 0, end: Math.min(text.length, 1) };
  }
}
