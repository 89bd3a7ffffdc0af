/**
 * Minimal, exact edits to a note. Front-matter edits are computed from `yaml` node ranges and
 * touch only the bytes of the value, key or line concerned, so comments, key order, quoting,
 * indentation and block/flow style survive. Each returns undefined when it cannot edit safely
 * (a flow-style root mapping, say); the action is then not offered.
 */
export { appendToBody, Edit } from './text';
export { editable, insertKey, renameKey, setValue } from './keys';
export { appendToList, removeFromList } from './lists';
