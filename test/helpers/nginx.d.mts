export interface Nginx {
  url: string;
  pid: number;
  errorLog(): string;
  stop(): Promise<void>;
}
export function findNginx(): string | undefined;
export function freePort(): Promise<number>;
export function startNginx(upstreams: string[], options?: { bin?: string; maxBodyBytes?: number }): Promise<Nginx>;
