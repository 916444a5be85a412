# Medius API image: `docker build -t medius . && docker run -p 8000:8000 -e SECRET_KEY=... medius`
# The container starts like `make run`: migrate, seed, then serve on $HOST:$PORT.
# The image runs with ENV=production and will not start without a private SECRET_KEY
# (32+ bytes); set DATABASE_URL=postgresql+psycopg://... for PostgreSQL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /srv/medius

# tests/release/ repeats these install steps (no Docker engine in CI): keep the two in step.
# Dependencies from the hashed runtime lock (`make lock`), then the package itself, a regular
# non-editable install with no extras and nothing resolved beyond the lock.
COPY requirements/runtime.txt ./requirements/
RUN pip install --require-hashes -r requirements/runtime.txt
COPY pyproject.toml ./
COPY app/ ./app/
RUN pip install --no-deps .

# What the app reads at run time, next to the code (`python -m app` runs from here, so
# app/core/migrations.py and app/catalog/exercises/seed.py find ../migrations and ../seed_data).
COPY migrations/ ./migrations/
COPY seed_data/ ./seed_data/
COPY alembic.ini ./

# An unprivileged user; the only writable place is /data, where the default SQLite lives.
RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --shell /usr/sbin/nologin medius \
    && mkdir -p /data \
    && chown medius:medius /data
VOLUME ["/data"]
USER medius

# Production: the app refuses to start without a private SECRET_KEY (docker run -e SECRET_KEY=...).
ENV ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATABASE_URL=sqlite:////data/medius.db

EXPOSE 8000

# No curl in the slim image: probe /healthz with the standard library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', timeout=4)"]

CMD ["python", "-m", "app", "serve"]
