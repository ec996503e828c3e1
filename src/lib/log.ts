// The structured log every layer writes to: one JSON object per call. A type only, so
// that the scheduler's job runner and the runtime shells share it without importing api/.

export type LogFn = (line: object) => void;
