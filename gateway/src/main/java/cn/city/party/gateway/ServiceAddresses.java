package cn.city.party.gateway;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances of each service the routes name ({@code lb://activity-service}), from
 * {@code platform.gateway.services}: each service's {@code *_SERVICE_URL}, comma-separated when the local runner
 * starts several instances; in Kubernetes one address, the Service, which spreads the calls itself. Spring Cloud
 * LoadBalancer takes them in turn (round robin), and a GET retried after an I/O error goes to the next one.
 */
@Component
public class ServiceAddresses implements ReactiveDiscoveryClient {

    static final String PROPERTY = "platform.gateway.services";

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

    public ServiceAddresses(Environment environment) {
        Binder.get(environment).bind(PROPERTY, Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((service, addresses) -> instances.put(service, parse(service, addresses)));
    }

    static List<ServiceInstance> parse(String service, String addresses) {
        List<ServiceInstance> parsed = new ArrayList<>();
        for (String address : addresses.split(",")) {
            URI uri = URI.create(address.trim());
            boolean secure = "https".equals(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
            parsed.add(new DefaultServiceInstance(service + "-" + (parsed.size() + 1), service, uri.getHost(), port, secure));
        }
        return List.copyOf(parsed);
    }

    @Override
    public String description() {
        return "the services' addresses from " + PROPERTY;
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
