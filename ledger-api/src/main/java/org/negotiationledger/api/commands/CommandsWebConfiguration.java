package org.negotiationledger.api.commands;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** A handler of a command request is given the command's metadata ({@link CommandMetadataResolver}). */
@Configuration(proxyBeanMethods = false)
class CommandsWebConfiguration implements WebMvcConfigurer {

    private final CommandMetadataResolver metadata;

    CommandsWebConfiguration(CommandMetadataResolver metadata) {
        this.metadata = metadata;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(metadata);
    }
}
