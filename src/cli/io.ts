/** Where a command writes (the process's streams, or a test's buffers) and its clock. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The clock for the log row's timestamp (tests pin it). */
  now?: () => Date;
  /** stderr is a terminal (progress is redrawn in place there; plain lines otherwise). */
  terminal?: boolean;
}
