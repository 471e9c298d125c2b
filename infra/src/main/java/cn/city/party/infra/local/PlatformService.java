package cn.city.party.infra.local;

/** The platform's Spring Boot services, each a module of this repository with its own port. */
public enum PlatformService {
    ORG("org-service", 8081),
    ACTIVITY("activity-service", 8082),
    STUDY("study-service", 8083),
    DISCIPLINE("discipline-service", 8084);

    private final String module;
    private final int defaultPort;

    PlatformService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() { return module; }
    public int defaultPort() { return defaultPort; }
}
