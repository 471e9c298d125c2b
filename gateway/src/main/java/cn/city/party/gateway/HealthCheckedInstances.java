package cn.city.party.gateway;

import io.netty.channel.ChannelOption;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The instances the load balancer takes in turn are those of {@link ServiceAddresses} whose
 * {@code /actuator/health/readiness} answered UP last time, asked again every {@code spring.cloud.loadbalancer.health-check.interval}:
 * a killed instance leaves the turn within that interval, so its calls go to the live ones instead of failing until
 * the route's breaker opens for the whole service.
 * <p>
 * When no instance answered, calls go to all of them: a service too busy to answer its check within the second (a
 * burst of exam submissions queued its health check behind them) is still taking calls, and answering every call with
 * 503 until the next check would turn slowness into an outage; a dead one refuses the call, which ends in the route's
 * breaker and fallback as before.
 * <p>
 * Deliberately not a {@code @Configuration} (nor nested in one): each service's load-balancer context takes it through
 * {@link GatewayApplication}'s {@link LoadBalancerClients}, the application context must not.
 */
class HealthCheckedInstances {

    @Bean
    ServiceInstanceListSupplier instancesAnswering(ConfigurableApplicationContext context) {
        // an instance that hangs counts as down as one that refuses: the check gives up after a second
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(Duration.ofSeconds(1));
        WebClient checks = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        return new AnsweringOrAll(
                ServiceInstanceListSupplier.builder().withDiscoveryClient().withHealthChecks(checks).build(context),
                ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context));
    }

    /**
     * The instances that answered their check, or every configured instance when none did; in the order of their
     * addresses, as the checks answer in any order and round robin over a list whose order changes between calls may
     * give one instance two calls in a row.
     */
    static final class AnsweringOrAll extends DelegatingServiceInstanceListSupplier {

        private static final Comparator<ServiceInstance> BY_ADDRESS = Comparator.comparing(i -> i.getUri().toString());

        private final ServiceInstanceListSupplier all;

        AnsweringOrAll(ServiceInstanceListSupplier answering, ServiceInstanceListSupplier all) {
            super(answering);
            this.all = all;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return delegate.get().switchMap(answering -> answering.isEmpty() ? all.get().take(1) : Flux.just(answering))
                    .map(instances -> instances.stream().sorted(BY_ADDRESS).toList());
        }
    }
}
