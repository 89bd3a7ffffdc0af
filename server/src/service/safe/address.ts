/**
 * The recipients of a `To:` line as a person writes it: "Ana Ruiz <ana@acme.example>, Sam Lee
 * <sam@acme.example>", bare addresses, quoted names ("Lee, Sam" <sam@...>), a name with a
 * comma before its address. Every recipient is kept; a placeholder ("[email of Ana]") is none.
 * By a scan, never one backtracking regular expression. Pure.
 */

export interface Mailbox {
  name?: string;
  address: string;
}

/** `local@domain`: an "@" with something on each side, and no character of `forbidden`. */
function isAddress(text: string, forbidden: RegExp): boolean {
  return text.slice(1, -1).includes('@') && !forbidden.test(text);
}

/** The mailbox of "Jane Doe <jane@acme.example>" or of a bare address; undefined for anything else. */
export function mailboxOf(text: string | undefined): Mailbox | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  // The address is after the last "<" (a search: `^(.*?)\s*<(.+)>$` backtracks on long runs).
  const open = t.lastIndexOf('<');
  if (open >= 0 && t.endsWith('>')) {
    const address = t.slice(open + 1, -1).trim();
    if (isAddress(address, /[<>\s,]/)) return { name: unquote(t.slice(0, open).trim()) || undefined, address };
  }
  return isAddress(t, /[\s<>[\],"]/) ? { address: t } : undefined;
}

/** A display name as written: `"Lee, Sam"` -> `Lee, Sam` (quoted-pair backslashes undone). */
function unquote(name: string): string {
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) return name.slice(1, -1).replace(/\\(.)/g, '$1');
  return name;
}

/**
 * Every mailbox of an address list. A comma ends a recipient only where what comes before it
 * is one (after "<...>" or a bare address), so "Ruiz, Ana <ana@x>" is one person.
 */
export function mailboxesOf(line: string | undefined): Mailbox[] {
  if (!line) return [];
  const out: Mailbox[] = [];
  let from = 0;
  let quoted = false;
  let angle = false;
  for (let i = 0; i <= line.length; i++) {
    const c = line[i];
    if (i < line.length) {
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
        continue;
      }
      if (c === '"') quoted = true;
      else if (c === '<') angle = true;
      else if (c === '>') angle = false;
      if (c !== ',' || angle) continue;
    }
    const piece = line.slice(from, i);
    const box = mailboxOf(piece);
    if (box) {
      out.push(box);
      from = i + 1;
    } else if (i === line.length || piece.trim() === '') {
      from = i + 1; // a placeholder or an empty entry: nobody to write to
    }
  }
  return out;
}
