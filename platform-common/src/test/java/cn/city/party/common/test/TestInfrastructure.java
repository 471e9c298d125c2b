package cn.city.party.common.test;

/** The real components a service's integration tests run against. */
public interface TestInfrastructure {

    String mongoUri();

    String kafkaBootstrapServers();

    /** Base URL of Keycloak as the services see it, e.g. {@code http://localhost:PORT}; the realm is {@code city}. */
    String keycloakUrl();

    /** org-service's private key for signed-JWT client authentication, registered with this Keycloak's realm. */
    String orgServiceClientKey();

    default String issuerUri() {
        return keycloakUrl() + "/realms/city";
    }

    default Tokens tokens() {
        return new Tokens(keycloakUrl());
    }

    enum Kind {
        /** mongo-java-server in-process, an embedded KRaft broker, the real Keycloak server as a child process. */
        EMBEDDED,
        /** the official images through Testcontainers (where Docker exists). */
        CONTAINERS
    }

    static TestInfrastructure of(Kind kind) {
        return kind == Kind.EMBEDDED ? EmbeddedInfrastructure.get() : ContainerInfrastructure.get();
    }
}
