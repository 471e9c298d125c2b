package cn.city.party.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The balancer's turn: the instances that answered, in one order whatever order their checks answered in. */
class HealthCheckedInstancesTest {

    private static final ServiceInstance FIRST = new DefaultServiceInstance("a1", "activity-service", "127.0.0.1", 8082, false);
    private static final ServiceInstance SECOND = new DefaultServiceInstance("a2", "activity-service", "127.0.0.1", 9082, false);

    @Test
    void the_answering_instances_come_in_the_order_of_their_addresses_whichever_answered_first() {
        var turn = new HealthCheckedInstances.AnsweringOrAll(supplier(List.of(SECOND, FIRST), List.of(FIRST, SECOND),
                List.of(SECOND)), supplier(List.of(FIRST, SECOND)));

        assertThat(turn.get().map(list -> list.stream().map(ServiceInstance::getInstanceId).toList()).collectList().block())
                .containsExactly(List.of("a1", "a2"), List.of("a1", "a2"), List.of("a2"));
    }

    @Test
    void when_none_answered_every_configured_instance_takes_calls() {
        var turn = new HealthCheckedInstances.AnsweringOrAll(supplier(List.of()), supplier(List.of(SECOND, FIRST)));

        assertThat(turn.get().map(list -> list.stream().map(ServiceInstance::getInstanceId).toList()).collectList().block())
                .containsExactly(List.of("a1", "a2"));
    }

    @SafeVarargs
    private static ServiceInstanceListSupplier supplier(List<ServiceInstance>... emitted) {
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "activity-service";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(emitted);
            }
        };
    }
}
