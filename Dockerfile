# syntax=docker/dockerfile:1
#
# The Silkport image: one binary (/usr/local/bin/silkport) that carries the built tenant
# portal, on Debian bookworm-slim, running as uid 10001 on port 8080.
#
#   docker build -t silkport .
#   docker run --rm -p 8080:8080 silkport                    # embedded demo (SQLite, in-process workers)
#   docker run --rm silkport migrate up                       # with DATABASE_URL=postgres://... etc.
#
# Production runs it on Kubernetes with the chart in helm/silkport (API, workers, migration Job).

ARG RUST_IMAGE=rust:1-bookworm
ARG NODE_IMAGE=node:20-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# ---- portal: React + Vite build -> /src/web/dist -------------------------------------------
FROM ${NODE_IMAGE} AS web
WORKDIR /src/web
# Dependencies first, so source edits do not re-run `npm ci`.
COPY web/package.json web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY web/ ./
# Typed GraphQL documents are generated from the API's exported schema.
COPY api/schema.graphql /src/api/schema.graphql
RUN npm run build

# ---- binary: cargo build --release, with the portal built in ---------------------------------
FROM ${RUST_IMAGE} AS build
WORKDIR /src
COPY . .
COPY --from=web /src/web/dist /src/web/dist
# The registry and target caches persist between builds (BuildKit); the binary is copied out
# of the cache mount so the next stage can take it.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p silkport-api --bin silkport \
 && install -D -m 0755 target/release/silkport /out/silkport

# ---- runtime -----------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}
# ca-certificates: TLS to PostgreSQL, Redis, SMTP and partners' webhook endpoints.
# tini: PID 1 that forwards SIGTERM and reaps children, so shutdown is always graceful.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 silkport \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin silkport \
 && mkdir -p /app/data \
 && chown 10001:10001 /app/data

WORKDIR /app
COPY --from=build /out/silkport /usr/local/bin/silkport

ENV SILKPORT_BIND=0.0.0.0:8080 \
    SILKPORT_DATA_DIR=/app/data

# Numeric user, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
EXPOSE 8080

ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/silkport"]
CMD ["serve"]
