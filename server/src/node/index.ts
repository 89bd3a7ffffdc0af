/** The Node edge: the only code that touches the file system. Hosts import from here. */
export * from './workspace';
export * from './files';
export * from './write';
