# syntax=docker/dockerfile:1
# The newsroom as a container image (docker-compose.yml runs it as web replicas and one worker).
#
# Three stages: `deps` installs production dependencies only, `build` installs everything and runs
# `next build`, the runtime stage takes the first one's node_modules and the second one's build.
# The image therefore carries no dev dependencies, no build cache (.next/cache) and no secret:
# `data/` (where the embedded database keeps its generated .payload-secret) is never copied, and
# PAYLOAD_SECRET comes from the environment at run time. The build records its source hash
# (scripts/lib/build.mjs), the runtime stage checks it, and NEWSROOM_PREBUILT=true makes
# `npm start` stop with an error rather than build should the two ever disagree.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# patches/ first: `npm ci` applies them (patch-package, the postinstall script).
COPY patches ./patches
# tsx is a production dependency: `npm run seed` and `npm run worker` run TypeScript with it.
RUN npm ci --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci
COPY . .
# Build, record the hash `npm start` compares against, then drop what the runtime must not carry
# (this stage's full node_modules, the build cache, anything the build wrote into data/).
RUN npm run build \
  && node -e "import('./scripts/lib/build.mjs').then((m) => require('node:fs').writeFileSync('.next/source-hash', m.sourceHash()))" \
  && rm -rf node_modules .next/cache data

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  NEWSROOM_PREBUILT=true \
  PORT=3000
# Owned by root, so the app cannot rewrite its own code; only the volumes below (and Next's
# runtime cache) are the `node` user's.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app ./
RUN node -e "import('./scripts/lib/build.mjs').then((m) => { if (!m.buildIsCurrent()) { console.error('the build does not match the sources'); process.exit(1) } })" \
  && rm -rf data .next/cache \
  && mkdir -p data media backups .next/cache \
  && chown node:node data media backups .next/cache
USER node
VOLUME ["/app/data", "/app/media"]
EXPOSE 3000
# /api/health answers 200 only while the database answers (the image has node, not curl).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The supervisor (scripts/start.mjs): checks the database, never builds here, restarts a server
# that dies, and passes SIGTERM on for a graceful stop.
CMD ["node", "scripts/start.mjs"]
