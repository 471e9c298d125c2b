package cn.city.party.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;

/**
 * 平台网关: one entry for browsers and API clients. Browsers sign in through Keycloak (authorization code + PKCE)
 * and the gateway relays their access token; API clients send their own bearer token, which is checked here and
 * again by each service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
