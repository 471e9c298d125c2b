#!/bin/sh
# One-off, before the broker: a private CA and the broker's certificate (SAN kafka). The broker's keystore goes to
# the kafka-tls volume (the broker alone mounts it), the CA certificate to kafka-ca (what clients trust). The CA's
# key is not kept: a new broker certificate means a new CA, made by emptying both volumes.
set -eu
: "${KAFKA_TLS_PASSWORD:?}"
if [ -f /tls/broker.p12 ] && [ -f /ca/ca.crt ]; then
  exit 0
fi
P="$KAFKA_TLS_PASSWORD"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
keytool -genkeypair -alias ca -dname "CN=party-platform Kafka CA" -ext bc:c -keyalg RSA -keysize 3072 -validity 825 \
  -storetype PKCS12 -keystore "$W/ca.p12" -storepass "$P"
keytool -exportcert -rfc -alias ca -keystore "$W/ca.p12" -storepass "$P" -file "$W/ca.crt"
keytool -genkeypair -alias kafka -dname "CN=kafka" -keyalg RSA -keysize 3072 -validity 825 \
  -storetype PKCS12 -keystore "$W/broker.p12" -storepass "$P"
keytool -certreq -alias kafka -keystore "$W/broker.p12" -storepass "$P" -file "$W/kafka.csr"
keytool -gencert -rfc -alias ca -keystore "$W/ca.p12" -storepass "$P" -infile "$W/kafka.csr" -outfile "$W/kafka.crt" \
  -ext san=dns:kafka -validity 825
keytool -importcert -noprompt -alias ca -file "$W/ca.crt" -keystore "$W/broker.p12" -storepass "$P"
keytool -importcert -alias kafka -file "$W/kafka.crt" -keystore "$W/broker.p12" -storepass "$P"
install -m 0400 -o 1000 "$W/broker.p12" /tls/broker.p12
install -m 0444 "$W/ca.crt" /ca/ca.crt
