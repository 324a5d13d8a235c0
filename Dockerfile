# The newsroom as a container: used by docker-compose.yml for the MongoDB deployment.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && node -e "import('./scripts/lib/build.mjs').then(m => require('node:fs').writeFileSync('.next/source-hash', m.sourceHash()))"

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "scripts/start.mjs"]
