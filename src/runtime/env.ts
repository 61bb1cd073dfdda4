/**
 * How a device process learns what to do: environment variables, so that `node --import
 * clonecloud/run app.js` works without the CLI, and child processes inherit them.
 */
export const ENV = {
  /** The clone's base URL (http://host:port or https://...); unset or empty: all on the device. */
  clone: 'CLONECLOUD_CLONE',
  /** A network of the manifest, or `auto` (default) to measure the link and take the nearest. */
  network: 'CLONECLOUD_NETWORK',
  /** The manifest (default `<app>/clonecloud.manifest.yaml`). */
  manifest: 'CLONECLOUD_MANIFEST',
  /** The app's folder (default: the manifest's folder, else the working directory). */
  app: 'CLONECLOUD_APP',
  /** A file holding the token the clone expects. */
  tokenFile: 'CLONECLOUD_TOKEN_FILE',
  /** PEM of the certificate authority that signed the clone's certificate. */
  caFile: 'CLONECLOUD_CA_FILE',
  /** A fixed deadline for every migrated call, ms. */
  timeout: 'CLONECLOUD_TIMEOUT_MS',
  /** Where each process writes its report at exit (set by `clonecloud run --report`). */
  reportDir: 'CLONECLOUD_REPORT_DIR',
} as const;
