// The migration point of the run-time benchmark: it reads its argument and returns a number, so
// that what a migrated call costs beyond the method's own work is the run-time's.
export interface FileArg {
  name: string;
  bytes: Uint8Array;
}

export interface RecordArg {
  id: number;
  name: string;
  score: number;
  tags: string[];
}

export function digest(payload: FileArg[] | RecordArg[]): number {
  return payload.length;
}
