package cn.city.party.common;

import cn.city.party.common.error.ProblemResponses;
import cn.city.party.common.error.ProblemWriter;
import cn.city.party.common.events.EventCodec;
import cn.city.party.common.messaging.KafkaConventions;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.common.reminder.MemberReminders;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.outbox.OutboxProperties;
import cn.city.party.common.outbox.OutboxRelay;
import cn.city.party.common.security.EndpointAuthorization;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.web.RequestIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
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
    EventFactory eventFactory(@Value("${spring.application.name}") String serviceName, Clock clock, EventCodec codec) {
        return new EventFactory(serviceName, clock, codec);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties, Clock clock) {
        return new OutboxRelay(mongo, kafka, properties, clock);
    }

    @Bean
    ScopedMongo scopedMongo(MongoTemplate mongo) {
        return new ScopedMongo(mongo);
    }

    @Bean
    ReadModelWriter readModelWriter(MongoTemplate mongo) {
        return new ReadModelWriter(mongo);
    }

    @Bean
    MemberReminders memberReminders(MongoTemplate mongo, org.springframework.context.MessageSource messages) {
        return new MemberReminders(mongo, messages);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka,
                                          @Value("${spring.kafka.consumer.group-id}") String group,
                                          @Value("${platform.kafka.retry-interval:500ms}") Duration retryInterval,
                                          @Value("${platform.kafka.retries:2}") long retries) {
        return KafkaConventions.errorHandler(kafka, group, retryInterval, retries);
    }

    @Bean
    RecordInterceptor<Object, Object> requestIdRecordInterceptor() {
        return KafkaConventions.requestIdInterceptor();
    }
}
