package org.negotiationledger.api.views;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

/**
 * The views also answer in CSV. The converter comes last, so that a client that accepts anything
 * still gets JSON; a client gets CSV only when it asks for it. {@link AnswerFormats} refuses a format
 * a view cannot answer in, naming those it can. {@link PinnedAnswers} tags the answers pinned to the past.
 */
@Configuration(proxyBeanMethods = false)
class ViewsWebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ViewsWebConfiguration(@Qualifier("requestMappingHandlerMapping")
                          ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AnswerFormats(mappings));
    }

    @Bean
    PinnedAnswers pinnedAnswers() {
        return new PinnedAnswers();
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new CsvAnswers());
    }
}
