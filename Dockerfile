# The DistributedJob server on an Eclipse Temurin 21 JRE. Build the jar first, then the image:
#   mvn -q -DskipTests package && docker build -t distributed-job:latest .
# /app is the home: configs/config.yaml is read there, data/ and log/ are kept there (all three are volumes).
# Every configuration key can be set by environment variable (DATABASE_URL, AUTH_JWTSECRET, AUTH_REVOKER, ...).
FROM eclipse-temurin:21-jre

RUN useradd --system --uid 10001 --gid 0 --home-dir /app --no-create-home --shell /usr/sbin/nologin distributedjob

WORKDIR /app
COPY bin/distributedjob bin/distributedjob
COPY configs/config.yaml configs/config.yaml
COPY server/target/distributedjob.jar lib/distributedjob.jar
# Only data/ and log/ are writable by the server's user (group 0 too, for platforms that pick the user id).
RUN chmod 755 bin/distributedjob \
    && mkdir data log && chown 10001:0 data log && chmod 775 data log

USER 10001:0
EXPOSE 9088 9090
VOLUME ["/app/configs", "/app/data", "/app/log"]

# No curl in the base image: bash asks /health itself (SERVER_PORT and SERVER_CONTEXTPATH as the server reads them).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-9088} && printf 'GET %s/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' \"${SERVER_CONTEXTPATH:-/v1}\" >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# The launcher execs the JVM, which gets Docker's SIGTERM and drains before exiting.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/bin/distributedjob"]
