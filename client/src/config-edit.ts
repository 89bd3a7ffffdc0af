/**
 * `sender.name` in `.interview-followup.yaml`: read as the server reads it (parseConfigText),
 * and written with one minimal edit from the YAML node ranges, so the user's comments,
 * order and spacing stay byte for byte. Pure; bundled into dist/new-note.js, loaded on use.
 */
import { isMap, isScalar, Node, parseDocument, YAMLMap } from 'yaml';
import { parseConfigText } from '../../server/src/service/config';
import { yamlString } from '../../server/src/service/safe/yaml';

export function senderNameIn(text: string): string | undefined {
  return parseConfigText(text).layer.sender?.name;
}

const keyNamed = (map: YAMLMap, name: string) => map.items.find((p) => isScalar(p.key) && String(p.key.value) === name);

/** The text with `sender.name` set; throws an Error saying why when the file cannot be edited safely. */
export function withSenderName(text: string, name: string): string {
  const value = yamlString(name.trim());
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`it cannot be parsed: ${doc.errors[0].message.split('\n')[0]}`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const append = () => `${text}${text === '' || text.endsWith('\n') ? '' : eol}sender:${eol}  name: ${value}${eol}`;
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return append();
  if (!isMap(root) || root.flow) throw new Error('it is not a block mapping of settings');
  const pair = keyNamed(root, 'sender');
  if (!pair) return append();
  const sender = pair.value as Node | null;
  const keyEnd = (pair.key as Node).range![1];
  const keyIndent = text.slice(text.lastIndexOf('\n', keyEnd) + 1).match(/^[ \t]*/)![0];
  if (sender === null || (isScalar(sender) && (sender.value === null || sender.value === ''))) {
    // `sender:` with nothing (or ~, or '') after it: the value becomes a block mapping.
    let t = text;
    if (sender?.range && sender.range[1] > sender.range[0]) {
      let from = sender.range[0];
      while (from > keyEnd + 1 && (t[from - 1] === ' ' || t[from - 1] === '\t')) from--;
      t = t.slice(0, from) + t.slice(sender.range[1]);
    }
    const nl = t.indexOf('\n', keyEnd);
    const end = nl < 0 ? t.length : t[nl - 1] === '\r' ? nl - 1 : nl;
    return `${t.slice(0, end)}${eol}${keyIndent}  name: ${value}${nl < 0 ? eol : ''}${t.slice(end)}`;
  }
  if (!isMap(sender)) throw new Error('its sender is not a mapping');
  const namePair = keyNamed(sender, 'name');
  const nameNode = namePair?.value as Node | null | undefined;
  if (namePair && nameNode?.range && nameNode.range[1] > nameNode.range[0]) {
    let [start, end] = nameNode.range;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return text.slice(0, start) + value + text.slice(end);
  }
  if (namePair) {
    const at = (namePair.key as Node).range![1] + 1; // after `name:`
    return `${text.slice(0, at)} ${value}${text.slice(at)}`;
  }
  if (sender.flow) {
    const open = text.indexOf('{', keyEnd);
    return `${text.slice(0, open + 1)}name: ${value}${sender.items.length > 0 ? ', ' : ''}${text.slice(open + 1)}`;
  }
  // A block mapping: a line of its own before its first key, at the same indentation.
  const first = (sender.items[0].key as Node).range![0];
  const lineStart = text.lastIndexOf('\n', first) + 1;
  const indent = text.slice(lineStart, first);
  return `${text.slice(0, lineStart)}${indent}name: ${value}${eol}${text.slice(lineStart)}`;
}
