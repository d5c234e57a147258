package org.negotiationledger.api.views;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The views also answer in CSV. The converter comes last, so that a client that accepts anything
 * still gets JSON; a client gets CSV only when it asks for it.
 */
@Configuration(proxyBeanMethods = false)
class ViewsWebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new CsvAnswers());
    }
}
