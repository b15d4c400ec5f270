# Tsunagu (ツナグ) as a container image: the API and the built web app on one port (PORT, 4000).
# Run it with PostgreSQL (DATABASE_URL) and `npm run db:migrate` first: see compose.yaml and the
# README's "Running beyond one machine".
#
#   docker build -t tsunagu .
#
# Stage 1 installs every workspace (npm ci, which also generates the Prisma client) and builds
# (`npm run build`: the web app into apps/web/dist, and whatever else has a build script). Stage 2
# is the same tree on a fresh base, owned by root and run as the unprivileged user `node`.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ENV TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
# the npm of package.json's packageManager: it runs no dependency install scripts unless package.json
# allows them ("allowScripts"), so nothing tries to download Prisma's native engines
RUN npm install -g npm@11.19.1
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0 \
    TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false
COPY --from=build /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
WORKDIR /app
COPY --from=build /app /app
# the only folder the server may write to: the embedded database (TSUNAGU_DATA_DIR, default
# /app/.data/pglite) for a single container without DATABASE_URL — mount a volume there
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# liveness: the process answers HTTP (load balancers should use /readyz, which also checks the database)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# the server package's own start script (not a path inside it, which may change); the web app is
# already built, so not `npm start`, which would build it again
CMD ["npm", "run", "--silent", "-w", "@tsunagu/server", "start"]
