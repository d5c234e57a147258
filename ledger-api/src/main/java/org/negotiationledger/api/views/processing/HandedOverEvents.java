package org.negotiationledger.api.views.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;

/**
 * In the processor the views share, a view's handler does not run for an event the view has
 * already handled apart from it ({@link ViewHandovers}): after a replay, or from its own
 * processor before the views shared one.
 */
class HandedOverEvents implements HandlerEnhancerDefinition {

    private final ObjectProvider<ViewHandovers> provider;
    /** Looked up on the first event rather than for each: the handlers are made before it exists. */
    private volatile ViewHandovers handovers;

    HandedOverEvents(ObjectProvider<ViewHandovers> provider) {
        this.provider = provider;
    }

    private ViewHandovers handovers() {
        ViewHandovers found = handovers;
        if (found == null) {
            found = provider.getObject();
            handovers = found;
        }
        return found;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            return original;
        }
        String view = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof EventMessage<?> event && handovers().handled(view, event)) {
                    return null;
                }
                return super.handle(message, target);
            }
        };
    }
}
