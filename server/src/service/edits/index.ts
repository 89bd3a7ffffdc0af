/**
 * Minimal, exact edits to a note. Front-matter edits are computed from `yaml` node ranges and
 * the syntax tree (where a `:` is, what anchor or tag a value carries), and touch only the bytes
 * of the value, key or line concerned, so comments, key order, quoting, anchors, tags,
 * indentation and block/flow style survive. Each returns undefined when it cannot edit exactly
 * (a flow-style root mapping; a value an alias also reads; a tag that would give the new text
 * another meaning); the action is then not offered.
 */
export { appendToBody, Edit } from './text';
export { editable, insertKey, renameKey, setValue } from './keys';
export { appendToList, removeFromList } from './lists';
export { appendRound, convertToRounds, removeKey, setInRound } from './rounds';
