/**
 * A broken frame header (`Content-Length: abc`, `-5`, none at all) leaves the JSON-RPC reader
 * out of step with the stream for good: it reports an error and then reads message bodies as
 * headers, deaf forever. Frames are checked here, before the reader sees them; a stream that
 * cannot be resynchronised is given up with a reason.
 */
import { Readable, Transform } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
/** A header block longer than this is not LSP. */
const MAX_HEADER_BYTES = 8 * 1024;

/** Why a header block is not a valid frame header; undefined when it is. */
export function headerProblem(head: string): string | undefined {
  let length: string | undefined;
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `malformed header line ${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
  }
  if (length === undefined) return 'a message header without Content-Length';
  if (!/^\d{1,10}$/.test(length)) return `Content-Length ${JSON.stringify(length.slice(0, 40))} is not a byte count`;
  return undefined;
}

/** The content length of a valid header block. */
function lengthOf(head: string): number {
  return Number(/content-length\s*:\s*(\d+)/i.exec(head)![1]);
}

/** `input`, frames checked: the bytes pass unchanged until a header is broken, then `onBroken` is called and nothing more passes. */
export function guardFrames(input: Readable, onBroken: (why: string) => void): Readable {
  let header: Buffer = Buffer.alloc(0);
  let body = 0; // bytes of the current body still to pass
  let broken = false;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let data: Buffer = chunk;
      while (!broken && data.length > 0) {
        if (body > 0) {
          const n = Math.min(body, data.length);
          this.push(data.subarray(0, n));
          body -= n;
          data = data.subarray(n);
          continue;
        }
        header = header.length === 0 ? data : Buffer.concat([header, data]);
        data = Buffer.alloc(0);
        const end = header.indexOf(HEADER_END);
        if (end < 0) {
          if (header.length > MAX_HEADER_BYTES) fail('a message header longer than 8 KB');
          break;
        }
        const head = header.subarray(0, end).toString('latin1');
        const problem = headerProblem(head);
        if (problem) {
          fail(problem);
          break;
        }
        this.push(header.subarray(0, end + HEADER_END.length));
        body = lengthOf(head);
        data = header.subarray(end + HEADER_END.length);
        header = Buffer.alloc(0);
      }
      done();
    },
  });
  const fail = (why: string) => {
    broken = true;
    onBroken(why);
  };
  input.pipe(guard);
  return guard;
}
