#!/usr/bin/env bash
# Builds the production jar, then checks that it refuses to start without its secrets and starts against a
# throw-away PostgreSQL (Debian's postgresql-15 binaries) with them. Run from the repository root as root.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin=/usr/lib/postgresql/15/bin
work=$(mktemp -d)
chown postgres "$work"
port=55432
app_port=8095
trap 'runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/data" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

./mvnw -B -q clean package -Pproduction
if unzip -l target/quarkus-app/app/*.jar | grep -q demoportal; then
    echo "FAIL: the production jar contains demo portal classes" >&2
    exit 1
fi

runuser -u postgres -- "$pg_bin/initdb" -D "$work/data" -U app --auth=trust >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/data" -o "-p $port -k $work -c listen_addresses=127.0.0.1" \
    -l "$work/postgres.log" start >/dev/null
sleep 2
runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p $port -U app b24

if timeout 30 java -jar target/quarkus-app/quarkus-run.jar >"$work/no-secrets.log" 2>&1; then
    echo "FAIL: the jar started without any secrets" >&2
    exit 1
fi
grep -q "b24.client-secret is required" "$work/no-secrets.log"
echo "ok: refuses to start without secrets"

operator_password=$(openssl rand -hex 12)
operator_digest=$(printf 'operator:Quarkus:%s' "$operator_password" | sha512sum | cut -d' ' -f1)
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
B24_CLIENT_ID=app.check B24_CLIENT_SECRET=check-secret APP_PUBLIC_URL=https://backlog.example.com \
    APP_TOKEN_ENCRYPTION_KEY=$(openssl rand -base64 32) QUARKUS_HTTP_PORT=$app_port \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$port/b24 QUARKUS_DATASOURCE_USERNAME=app \
    QUARKUS_DATASOURCE_PASSWORD=unused SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" QUARKUS_SECURITY_USERS_EMBEDDED_USERS_OPERATOR="$operator_digest" \
    java -jar target/quarkus-app/quarkus-run.jar >"$work/with-secrets.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/data" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for _ in $(seq 1 30); do
    if curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null; then
        break
    fi
    sleep 1
done
curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null
echo "ok: starts against PostgreSQL with its secrets"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/demo-portal/frame-sdk.js")
[ "$status" = 404 ]
echo "ok: no demo portal route answers ($status)"
status=$(curl -s -o /dev/null -w '%{http_code}' -u "operator:$operator_password" "http://127.0.0.1:$app_port/operator/audit")
[ "$status" = 200 ]
echo "ok: the operator's audit page accepts the configured password"
status=$(curl -s -o /dev/null -w '%{http_code}' -u "operator:wrong" "http://127.0.0.1:$app_port/operator/audit")
[ "$status" = 401 ]
echo "ok: the operator's audit page rejects a wrong password"
