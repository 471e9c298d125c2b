package cn.city.party.common;

import cn.city.party.common.error.ProblemResponses;
import cn.city.party.common.error.ProblemWriter;
import cn.city.party.common.events.EventCodec;
import cn.city.party.common.messaging.KafkaConventions;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.common.reminder.MemberNotificationController;
import cn.city.party.common.reminder.MemberReminders;
import cn.city.party.common.reminder.OwnMember;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.outbox.OutboxMetrics;
import cn.city.party.common.outbox.OutboxNudge;
import cn.city.party.common.outbox.OutboxProperties;
import cn.city.party.common.outbox.OutboxRelay;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleBookController;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.security.EndpointAuthorization;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.common.web.RequestIdFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** What every service gets by depending on platform-common. */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlatformCalendar platformCalendar(Clock clock, @Value("${platform.zone:Asia/Shanghai}") ZoneId zone) {
        return new PlatformCalendar(clock, zone);
    }

    @Bean
    ProblemWriter problemWriter(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        return new ProblemWriter(messages, localeResolver, json);
    }

    @Bean
    ProblemResponses problemResponses(ProblemWriter writer) {
        return new ProblemResponses(writer);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // just inside the server observation (HIGHEST_PRECEDENCE + 1), so that the access line names the request's trace
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    WebMvcConfigurer endpointAuthorization(ApplicationContext context) {
        EndpointAuthorization authorization = new EndpointAuthorization(context);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(authorization);
            }
        };
    }

    @Bean
    EventCodec eventCodec(JsonMapper json) {
        return new EventCodec(json);
    }

    @Bean
    EventFactory eventFactory(@Value("${spring.application.name}") String serviceName, Clock clock, EventCodec codec,
                              ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventFactory(serviceName, clock, codec, tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties, Clock clock,
                            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, MeterRegistry meters) {
        return new OutboxRelay(mongo, kafka, properties, clock, tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP), meters);
    }

    @Bean
    OutboxNudge outboxNudge(OutboxRelay relay) {
        return new OutboxNudge(relay);
    }

    @Bean
    OutboxMetrics outboxMetrics(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        return new OutboxMetrics(mongo, clock, meters);
    }

    @Bean
    ScopedMongo scopedMongo(MongoTemplate mongo) {
        return new ScopedMongo(mongo);
    }

    @Bean
    ReadModelWriter readModelWriter(MongoTemplate mongo) {
        return new ReadModelWriter(mongo);
    }

    /** The service's versioned rules: every {@link RuleKind} bean it declares. */
    @Bean
    RuleBook ruleBook(MongoTemplate mongo, Clock clock, JsonMapper json, ObjectProvider<RuleKind<?>> kinds) {
        return new RuleBook(mongo, clock, json, kinds.orderedStream().toList());
    }

    /** The REST endpoints of the rules (docs/rules.md) under the service's own path, e.g. /api/org/rules. */
    @Bean
    @ConditionalOnProperty("platform.rules.path")
    RuleBookController ruleBookController(RuleBook book, MessageSource messages) {
        return new RuleBookController(book, messages);
    }

    @Bean
    MemberReminders memberReminders(MongoTemplate mongo, org.springframework.context.MessageSource messages) {
        return new MemberReminders(mongo, messages);
    }

    /** The member's own reminders under the service's path, e.g. /api/org/notifications/mine. */
    @Bean
    @ConditionalOnProperty("platform.reminders.path")
    MemberNotificationController memberNotificationController(MemberReminders reminders, OwnMember own) {
        return new MemberNotificationController(reminders, own);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka,
                                          @Value("${spring.kafka.consumer.group-id}") String group,
                                          @Value("${platform.kafka.retry-interval:500ms}") Duration retryInterval,
                                          @Value("${platform.kafka.retries:2}") long retries, MeterRegistry meters) {
        return KafkaConventions.errorHandler(kafka, group, retryInterval, retries, meters);
    }

    @Bean
    RecordInterceptor<Object, Object> requestIdRecordInterceptor() {
        return KafkaConventions.requestIdInterceptor();
    }
}
