package org.negotiationledger.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.negotiationledger.api.problems.Limits;
import org.negotiationledger.api.problems.RefusedValueException;
import org.negotiationledger.core.api.Values;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The web layer's JSON is read strictly, for the HTTP endpoints and the importer alike: a value
 * of the wrong type is refused rather than coerced, a key given twice or anything after the
 * body is refused, dates and numbers are checked against {@link Limits} before they are parsed,
 * and no text may hold what a view could not store. (Events are stored with the ledger's own
 * mapper, which none of this touches.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .modulesToInstall(new SimpleModule("strict-ledger-values")
                        .addDeserializer(String.class, new TextDeserializer())
                        .addKeyDeserializer(String.class, new TextKeyDeserializer())
                        .addDeserializer(LocalDate.class, new DateDeserializer())
                        .addDeserializer(BigDecimal.class, new NumberDeserializer()))
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                });
    }

    private static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(parser, "must be a text in quotes");
            }
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = Values.textProblem(text);
            if (problem != null) {
                throw new RefusedValueException(parser, problem);
            }
            return text;
        }
    }

    private static final class TextKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String problem = Values.textProblem(key);
            if (problem != null) {
                throw new RefusedValueException(context.getParser(), "has a key that " + problem);
            }
            return key;
        }
    }

    private static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(parser, Values.DATE_MESSAGE);
            }
            try {
                return Limits.date(parser.getText());
            } catch (IllegalArgumentException e) {
                throw new RefusedValueException(parser, e.getMessage());
            }
        }
    }

    private static final class NumberDeserializer extends StdScalarDeserializer<BigDecimal> {

        NumberDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw new RefusedValueException(parser, "must be a number, not in quotes");
            }
            try {
                return Limits.offerValue(parser.getText());
            } catch (IllegalArgumentException e) {
                throw new RefusedValueException(parser, e.getMessage());
            }
        }
    }
}
