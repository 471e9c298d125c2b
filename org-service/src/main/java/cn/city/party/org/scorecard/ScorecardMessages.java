package cn.city.party.org.scorecard;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.stereotype.Component;

/**
 * Adds the scorecard bundle ({@code i18n/scorecard}) to the message source. {@code spring.messages.basename} in this
 * service's application.yml names it too, but the imported {@code platform-defaults.yml} takes precedence over the
 * file importing it, so the setting alone does not reach the message source.
 */
@Component
class ScorecardMessages implements BeanPostProcessor {

    static final String BUNDLE = "i18n/scorecard";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractResourceBasedMessageSource source && !source.getBasenameSet().contains(BUNDLE)) {
            source.addBasenames(BUNDLE);
        }
        return bean;
    }
}
