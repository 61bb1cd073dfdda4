/** How `record` tells the traced processes (and their children) what to do: environment variables. */
export const ENV_DIR = 'CLONECLOUD_RECORD_DIR';
export const ENV_APP = 'CLONECLOUD_RECORD_APP';
export const ENV_CACHE = 'CLONECLOUD_RECORD_CACHE';
