/** How `record` tells the traced processes (and their children) what to do: environment variables. */
export const ENV_DIR = 'CLONECLOUD_RECORD_DIR';
export const ENV_APP = 'CLONECLOUD_RECORD_APP';
export const ENV_CACHE = 'CLONECLOUD_RECORD_CACHE';
/** The settled per-call cost (calibrate.ts), JSON, so a traced process need not read and check the cache for it. */
export const ENV_COST = 'CLONECLOUD_RECORD_COST';
