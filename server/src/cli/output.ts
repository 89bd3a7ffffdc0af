/**
 * Text to print, kept until the end as UTF-8 bytes in pieces of 64 KB (13,000 findings kept as
 * strings held 10 MB of heap, and a larger young generation for them to survive in), with
 * texts to splice in at positions taken earlier (the findings that read other notes, known
 * only once every note is read). Printed a megabyte at a time.
 */
const PIECE = 1 << 12;
const WRITE = 1 << 16;

export class Output {
  private readonly pieces: Buffer[] = [];
  private piece = '';
  private pieceBytes = 0;
  /** Bytes in `pieces`. */
  private sealed = 0;
  private inserts: { at: number; seq: number; text: string }[] = [];
  private drops: { from: number; to: number }[] = [];

  /** Nothing added but what is dropped, nothing inserted. */
  get empty(): boolean {
    return this.position === this.drops.reduce((n, x) => n + x.to - x.from, 0) && this.inserts.length === 0;
  }

  /** Where the next text added goes, in bytes: a place to insert at later. */
  get position(): number {
    return this.sealed + this.pieceBytes;
  }

  add(text: string): void {
    this.piece += text;
    this.pieceBytes += Buffer.byteLength(text, 'utf8');
    if (this.piece.length >= PIECE) this.seal();
  }

  /** `text` goes at `at` (a position taken before), after what was inserted there already. */
  insert(at: number, text: string): void {
    this.inserts.push({ at, seq: this.inserts.length, text });
  }

  /** The bytes from `from` to `to` (positions taken before and after a text added) are left out. */
  drop(from: number, to: number): void {
    if (to > from) this.drops.push({ from, to });
  }

  private seal(): void {
    if (this.piece === '') return;
    const bytes = Buffer.from(this.piece, 'utf8');
    this.pieces.push(bytes);
    this.sealed += bytes.length;
    this.piece = '';
    this.pieceBytes = 0;
  }

  /**
   * Writes it all. `head`: the first bytes of the whole text replaced (a JSON list's first
   * separator becomes its opening bracket, whichever element comes first).
   */
  flush(write: (s: string) => void, head?: { from: string; to: string }): void {
    this.seal();
    const inserts = this.inserts.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.inserts = [];
    let buffered: Buffer[] = [];
    let size = 0;
    let first = true;
    const emit = (b: Buffer) => {
      if (first && head && b.length > 0) {
        first = false;
        if (b.subarray(0, Buffer.byteLength(head.from)).toString('utf8') === head.from) b = Buffer.concat([Buffer.from(head.to), b.subarray(Buffer.byteLength(head.from))]);
      }
      buffered.push(b);
      size += b.length;
      if (size >= WRITE) drain();
    };
    const drain = () => {
      if (size > 0) write(Buffer.concat(buffered, size).toString('utf8'));
      buffered = [];
      size = 0;
    };
    const drops = this.drops.sort((a, b) => a.from - b.from);
    this.drops = [];
    let d = 0;
    /** A piece's bytes from `a` to `b` (offsets in it), less what is dropped. */
    const emitKept = (piece: Buffer, offset: number, a: number, b: number) => {
      while (d < drops.length && drops[d].to <= offset + a) d++;
      for (let j = d; a < b; j++) {
        const drop = drops[j];
        if (!drop || drop.from >= offset + b) {
          emit(piece.subarray(a, b));
          return;
        }
        if (drop.from > offset + a) emit(piece.subarray(a, drop.from - offset));
        a = Math.max(a, Math.min(b, drop.to - offset));
      }
    };
    let k = 0;
    let offset = 0;
    for (const piece of this.pieces) {
      let from = 0;
      // Positions were taken between two texts added: a cut never splits a character.
      while (k < inserts.length && inserts[k].at <= offset + piece.length) {
        const cut = inserts[k].at - offset;
        if (cut > from) emitKept(piece, offset, from, cut);
        from = Math.max(from, cut);
        emit(Buffer.from(inserts[k++].text, 'utf8'));
      }
      if (from < piece.length) emitKept(piece, offset, from, piece.length);
      offset += piece.length;
    }
    while (k < inserts.length) emit(Buffer.from(inserts[k++].text, 'utf8'));
    drain();
    this.pieces.length = 0;
    this.sealed = 0;
  }
}
