# The clone as a container: `clonecloud serve` for one app, as a non-root user, with a health check.
#
# Build the app first, exactly as its devices run it (the clone refuses a device whose build digest
# differs), then build the image from this repository with the app's folder inside the context:
#
#   npx tsc -p examples/virus-scan --sourceMap
#   docker build --build-arg APP=examples/virus-scan -t clonecloud-virus-scan .
#   docker run --rm -p 7070:7070 -v "$PWD/token:/run/secrets/clonecloud/token:ro" clonecloud-virus-scan
#
# The folder APP holds the manifest (clonecloud.manifest.yaml) and the build it names; when it has
# a package-lock.json, its production dependencies are installed from it.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS tool
WORKDIR /opt/clonecloud
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY profiles ./profiles
COPY schemas ./schemas
# `npm ci` runs the build (the prepare script); then only what serve needs at run time is kept.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund && rm -rf src tsconfig.json

FROM ${NODE_IMAGE} AS app
ARG APP
RUN test -n "${APP}" || (echo 'give the app folder: --build-arg APP=<folder with the manifest and its build>' >&2; exit 1)
WORKDIR /app
COPY ${APP} ./
RUN test -f clonecloud.manifest.yaml || (echo "${APP} has no clonecloud.manifest.yaml: run clonecloud partition first" >&2; exit 1)
RUN if [ -f package-lock.json ]; then npm ci --omit=dev --ignore-scripts --no-audit --no-fund; fi

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    CLONECLOUD_PORT=7070 \
    CLONECLOUD_TOKEN_FILE=/run/secrets/clonecloud/token
COPY --from=tool /opt/clonecloud /opt/clonecloud
COPY --from=app /app /app
# The image's files belong to root and are read-only to the server, which runs as `node`; its
# cache of transformed modules goes to a private folder under /tmp.
USER node
EXPOSE 7070
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.CLONECLOUD_PORT + '/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Extra flags (--workers, --tls-cert/--tls-key, --log json, --max-request-bytes) go after the image name.
ENTRYPOINT ["/bin/sh", "-c", "exec node /opt/clonecloud/bin/clonecloud.js serve /app --host 0.0.0.0 --port \"$CLONECLOUD_PORT\" --token-file \"$CLONECLOUD_TOKEN_FILE\" \"$@\"", "--"]
CMD ["--log", "json"]
