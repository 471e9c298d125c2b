package cn.city.party.gateway;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every call the gateway makes to Keycloak (the sign-in's code exchange, the ID token's keys, userinfo, the refresh
 * during token relay, the bearer tokens' keys) goes through one WebClient with a connect and a response timeout and a
 * pool of its own that drops idle connections. Spring Security's default clients have no timeout and share Reactor
 * Netty's global pool: a Keycloak that does not answer (or a pooled connection it has silently dropped) leaves the
 * sign-in callback pending for good. Here such a call fails after {@code response-timeout} and the browser gets an
 * answer ({@code platform.gateway.keycloak.*} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClients {

    @Bean(destroyMethod = "dispose")
    ConnectionProvider keycloakConnections(@Value("${platform.gateway.keycloak.max-idle-time}") Duration maxIdleTime,
                                           @Value("${platform.gateway.keycloak.response-timeout}") Duration responseTimeout) {
        return ConnectionProvider.builder("keycloak")
                // below Keycloak's own idle timeout, so a connection it is about to close is never reused
                .maxIdleTime(maxIdleTime)
                .evictInBackground(maxIdleTime)
                // waiting for a free connection is bounded too
                .pendingAcquireTimeout(responseTimeout)
                .build();
    }

    @Bean
    WebClient keycloakWebClient(ConnectionProvider keycloakConnections,
                                @Value("${platform.gateway.keycloak.connect-timeout}") Duration connectTimeout,
                                @Value("${platform.gateway.keycloak.response-timeout}") Duration responseTimeout) {
        HttpClient http = HttpClient.create(keycloakConnections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** The sign-in callback's code exchange (picked up by oauth2Login). */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenClient(WebClient keycloakWebClient) {
        WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(keycloakWebClient);
        return client;
    }

    /** The refresh of an expired access token before it is relayed (picked up by the authorized client manager). */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenClient(WebClient keycloakWebClient) {
        WebClientReactiveRefreshTokenTokenResponseClient client = new WebClientReactiveRefreshTokenTokenResponseClient();
        client.setWebClient(keycloakWebClient);
        return client;
    }

    @Bean
    ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> userInfoClient(WebClient keycloakWebClient) {
        DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
        userInfo.setWebClient(keycloakWebClient);
        return userInfo;
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserInfoClient(ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> userInfoClient) {
        OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
        oidc.setOauth2UserService(userInfoClient);
        return oidc;
    }

    /**
     * The ID token's decoder: what Spring Security's {@link ReactiveOidcIdTokenDecoderFactory} builds (RS256, the OIDC
     * validations, its claim types), fetching the keys through the Keycloak client, one decoder per registration.
     */
    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders(WebClient keycloakWebClient) {
        Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();
        ClaimTypeConverter claimTypes = new ClaimTypeConverter(ReactiveOidcIdTokenDecoderFactory.createDefaultClaimTypeConverters());
        return registration -> decoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                    .withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).webClient(keycloakWebClient).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(claimTypes);
            return decoder;
        });
    }
}
