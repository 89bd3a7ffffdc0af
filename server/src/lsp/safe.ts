/**
 * The one dispatcher rule every handler goes through (as rust-analyzer's dispatch.rs): a
 * request before `initialize` is answered ServerNotInitialized; an exception is logged, never
 * fatal, and the handler's fallback is answered. The test fault hook lives here too, so a test
 * can prove any handler's failure is survived.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { FAULT_ENV } from '../protocol';

export type Fallback<A extends unknown[], R> = R | ((...args: A) => R);

export class Safe {
  /** Test only: the handlers named in INTERVIEW_FOLLOWUP_TEST_FAULT (comma-separated) throw. */
  private readonly faults: Set<string>;
  initialized = false;

  constructor(private readonly logError: (message: string) => void, env: NodeJS.ProcessEnv) {
    this.faults = new Set((env[FAULT_ENV] ?? '').split(',').map((f) => f.trim()).filter(Boolean));
  }

  /** A notification handler: errors logged. */
  notification<A extends unknown[]>(name: string, fn: (...args: A) => unknown): (...args: A) => Promise<void> {
    return this.wrap(name, undefined, fn as (...args: A) => void | Promise<void>);
  }

  /** A request handler: ServerNotInitialized before `initialize`, the fallback when it throws. */
  request<A extends unknown[], R>(name: string, fallback: Fallback<A, R>, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    const wrapped = this.wrap(name, fallback, fn);
    return async (...args: A) => {
      if (!this.initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized yet`);
      return wrapped(...args);
    };
  }

  wrap<A extends unknown[], R>(name: string, fallback: Fallback<A, R>, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A): Promise<R> => {
      try {
        if (this.faults.has(name)) throw new Error(`fault injected by ${FAULT_ENV}`);
        return await fn(...args);
      } catch (err) {
        this.logError(`${name} failed: ${(err as Error)?.stack ?? err}`);
        return typeof fallback === 'function' ? (fallback as (...args: A) => R)(...args) : fallback;
      }
    };
  }
}
