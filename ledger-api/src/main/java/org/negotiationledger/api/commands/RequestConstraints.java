package org.negotiationledger.api.commands;

import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A command body's schema as strict as the ledger reads the body: no fields beyond the known
 * ones, every pattern anchored (Bean Validation matches a whole text, a JSON Schema pattern any
 * part of it), non-blank texts and non-empty lists, positive numbers, and the same inside lists,
 * maps and nested bodies. springdoc sees only some of this (it leaves patterns unanchored and
 * does not look through composed constraints such as {@code @Id}); it is read here from the
 * annotations the ledger validates with.
 */
final class RequestConstraints {

    private RequestConstraints() {
    }

    /** Tightens the component schema of {@code body}, and of the bodies nested in it. */
    @SuppressWarnings("rawtypes")
    static void apply(Class<?> body, Map<String, Schema> components) {
        Schema<?> schema = components.get(body.getSimpleName());
        if (schema == null || !body.isRecord()) {
            return;
        }
        schema.setAdditionalProperties(false);
        for (RecordComponent component : body.getRecordComponents()) {
            Schema<?> property = schema.getProperties() == null ? null
                    : schema.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            List<Annotation> annotations = new ArrayList<>(Arrays.asList(component.getAccessor().getAnnotations()));
            annotations.addAll(Arrays.asList(component.getAnnotatedType().getAnnotations()));
            constrain(property, annotations);
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType generic) {
                AnnotatedType[] arguments = generic.getAnnotatedActualTypeArguments();
                AnnotatedType element = arguments[arguments.length - 1];
                Schema<?> elementSchema = property.getItems() != null ? property.getItems()
                        : property.getAdditionalProperties() instanceof Schema<?> values ? values : null;
                if (elementSchema != null) {
                    constrain(elementSchema, Arrays.asList(element.getAnnotations()));
                }
            }
            if (component.getType().isRecord()) {
                apply(component.getType(), components);
            }
        }
    }

    private static void constrain(Schema<?> schema, List<Annotation> annotations) {
        for (Annotation annotation : annotations) {
            Pattern pattern = annotation instanceof Pattern direct ? direct
                    : annotation.annotationType().getAnnotation(Pattern.class);
            if (pattern != null) {
                schema.setPattern("^(?:" + pattern.regexp() + ")$");
            } else if (annotation instanceof NotBlank) {
                schema.setMinLength(1);
                schema.setPattern("\\S");
            } else if (annotation instanceof NotEmpty) {
                if ("array".equals(schema.getType())) {
                    schema.setMinItems(1);
                } else if ("object".equals(schema.getType())) {
                    schema.setMinProperties(1);
                } else {
                    schema.setMinLength(1);
                }
            } else if (annotation instanceof Size size && "object".equals(schema.getType())) {
                schema.setMaxProperties(size.max());
            } else if (annotation instanceof Positive) {
                schema.setMinimum(BigDecimal.ONE);
            } else if (annotation instanceof PositiveOrZero) {
                schema.setMinimum(BigDecimal.ZERO);
            }
        }
    }
}
