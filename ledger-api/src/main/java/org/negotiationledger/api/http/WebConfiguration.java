package org.negotiationledger.api.http;

import org.negotiationledger.api.problems.Limits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Dates and times in query parameters are read as strictly as in bodies ({@link Limits}). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, text -> text.isEmpty() ? null : Limits.date(text));
        registry.addConverter(String.class, Instant.class, text -> text.isEmpty() ? null : Limits.instant(text));
    }

    /**
     * The ledger answers in JSON (and problems in problem+json): the YAML that a library on the
     * class path would add answered some reads and failed others, so no read offers it.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().contains("yaml")));
    }

    /** The workbench's sign-in form (static, from {@code static/login.html}); the workbench itself is {@code /}. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("forward:/login.html");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownParameters());
    }

    /**
     * The one place the command side reads the time: when a command arrives. That time becomes the
     * recording time of the command's events. (Tests put a clock of their own in its place.)
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
