package org.negotiationledger.core.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules on single values, for every command and every event, whatever door made it: each text
 * field refuses NUL, a lone surrogate and one character past its length, naming the field; each
 * date refuses the year 10000; a required field refuses null. A field added without a rule fails
 * here, not in a view.
 */
class ValuesTest {

    /** Every command (each a record of core.api) and every event. */
    private static List<Class<?>> records() {
        List<Class<?>> commands = new ClassFileImporter().importPackages("org.negotiationledger.core.api").stream()
                .filter(type -> type.isAssignableTo(NegotiationCommand.class) && !type.isInterface())
                .<Class<?>>map(JavaClass::reflect).toList();
        assertThat(commands).hasSize(27);
        return Stream.<Class<?>>concat(commands.stream(), EventTypes.ALL.stream()).toList();
    }

    @Test
    void aWellFormedRecordOfEveryKindPasses() {
        for (Class<?> type : records()) {
            assertThatCode(() -> Values.check(valid(type))).as(type.getSimpleName()).doesNotThrowAnyException();
        }
    }

    @Test
    void everyTextFieldOfEveryRecordRefusesControlCharactersSurrogatesAndOneCharacterTooMany() {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : records()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType() != String.class) {
                    continue;
                }
                String field = components[i].getName();
                int length = Values.textRule(field).length();
                for (String hostile : List.of("a\u0000b", "bell\u0007", "lone \ud800 half", "x".repeat(length + 1))) {
                    Record spoilt = with(type, i, hostile);
                    assertThatThrownBy(() -> Values.check(spoilt)).as(type.getSimpleName() + "." + field)
                            .isInstanceOfSatisfying(InvalidValueException.class,
                                    refused -> assertThat(refused.field()).isEqualTo(field));
                }
                checked.add(type.getSimpleName() + "." + field);
            }
        }
        assertThat(checked).contains("PartyRegistered.name", "TopicAdded.title", "RegisterParty.name",
                "AddTopic.title", "RecordStatement.summary", "StatementRecorded.note");
    }

    @Test
    void aSourceIsGradedOnTheAdmiraltyScaleOrNotAtAll() {
        assertThatCode(() -> Values.check(graded("A", 1))).doesNotThrowAnyException();
        assertThatCode(() -> Values.check(graded("F", 6))).doesNotThrowAnyException();
        assertThatCode(() -> Values.check(graded(null, null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Values.check(graded("G", 2))).hasMessage(
                "sources[0].reliability must be a grade of the source's reliability from A to F");
        assertThatThrownBy(() -> Values.check(graded("b", 2))).hasMessage(
                "sources[0].reliability must be a grade of the source's reliability from A to F");
        assertThatThrownBy(() -> Values.check(graded("B", 0))).hasMessage("sources[0].credibility must be from 1 to 6");
        assertThatThrownBy(() -> Values.check(graded("B", 7))).hasMessage("sources[0].credibility must be from 1 to 6");
    }

    @Test
    void theSameOutletTwiceCorroboratesOnce() {
        Source nv = new Source("NV", null, "https://nv.ua/ukr/a-1.html", null, "ru", null);
        Source nvAgain = new Source(" nv ", null, "https://nv.ua/ukr/a-2.html", null, "uk", null);
        Source tassByAddress = new Source(null, null, "https://www.tass.ru/politika/1", null, "ru", null);
        Source tassAgain = new Source(null, null, "https://tass.ru/politika/2", null, "ru", null);
        Source unnamed = new Source(null, "a leaflet", null, null, null, null);
        assertThat(Source.publishers(List.of())).isZero();
        assertThat(Source.publishers(List.of(nv, nvAgain))).isEqualTo(1);
        assertThat(Source.publishers(List.of(nv, nvAgain, tassByAddress, tassAgain))).isEqualTo(2);
        assertThat(Source.publishers(List.of(nv, unnamed, unnamed))).isEqualTo(3);
    }

    private static RecordStatement graded(String reliability, Integer credibility) {
        Source source = new Source("NV", null, null, null, null, null, reliability, credibility);
        return new RecordStatement("n-1", "s-1", "ua", null, "ceasefire", Stance.SUPPORTS, "summary", null, null,
                null, List.of(source), null, Instant.parse("2025-06-27T10:00:00Z"));
    }

    @Test
    void nestedValuesAndListItemsAreNamedByTheirPath() {
        Source source = new Source("publisher\u0000", null, null, null, null, null);
        RecordStatement statement = new RecordStatement("n-1", "s-1", "ua", null, "ceasefire", Stance.SUPPORTS,
                "summary", null, null, null, List.of(source), null, Instant.parse("2025-06-27T10:00:00Z"));
        assertThatThrownBy(() -> Values.check(statement)).isInstanceOfSatisfying(InvalidValueException.class,
                refused -> assertThat(refused.getMessage())
                        .isEqualTo("sources[0].publisher contains the control character U+0000 at position 10"));

        RecordMeeting meeting = new RecordMeeting("n-1", "m-1", LocalDate.of(2025, 5, 16), "Istanbul",
                MeetingLevel.DELEGATIONS, List.of("ua", "not an id"), List.of(), Map.of(), List.of(), null, null,
                Instant.parse("2025-06-27T10:00:00Z"));
        assertThatThrownBy(() -> Values.check(meeting)).isInstanceOfSatisfying(InvalidValueException.class,
                refused -> assertThat(refused.field()).isEqualTo("partyIds[1]"));
    }

    @Test
    void listsNumbersDatesAndRequiredFieldsHaveTheirBounds() {
        Instant now = Instant.parse("2025-06-27T10:00:00Z");
        List<String> parties = Stream.iterate(0, i -> i + 1).limit(101).map(i -> "p-" + i).toList();
        assertThatThrownBy(() -> Values.check(new AgreeExchange("n-1", "x-1", parties, LocalDate.of(2025, 5, 16),
                null, now))).hasMessage("partyIds has 101 entries; at most 100 are kept");
        assertThatThrownBy(() -> Values.check(new RecordExchangeExecution("n-1", "x-1", 0, LocalDate.of(2025, 5, 16),
                Map.of("ua", 1), false, null, now))).hasMessage("stage must be from 1 to 2147483647");
        Offer tooPrecise = new Offer(new BigDecimal("1.12345678901"), "km");
        assertThatThrownBy(() -> Values.check(tooPrecise)).hasMessageStartingWith("value must be a number");
        assertThatThrownBy(() -> Values.check(new OpenNegotiation("n-1", "Title", null, LocalDate.of(10_000, 1, 1),
                now))).hasMessage("openedOn " + Values.DATE_MESSAGE);
        assertThatThrownBy(() -> Values.check(new RegisterParty("n-1", "ua", " ", PartyRole.PARTY, now)))
                .hasMessage("name must not be blank");
        assertThatThrownBy(() -> Values.check(new AddTopic("n-1", "t-1", null, null, now)))
                .hasMessage("title is required");
    }

    /** {@code type} with every field well-formed, and the one at {@code index} set to {@code value}. */
    private static Record with(Class<?> type, int index, Object value) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? value : sample(components[i].getName(), components[i].getGenericType());
        }
        return construct(type, values);
    }

    private static Record valid(Class<?> type) {
        return with(type, -1, null);
    }

    private static Record construct(Class<?> type, Object[] values) {
        try {
            Class<?>[] types = Stream.of(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }

    /** A well-formed value for a field of this name and type. */
    private static Object sample(String name, Type generic) {
        Class<?> raw = generic instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) generic;
        if (raw == String.class) {
            return switch (name) {
                case "url" -> "https://example.org/a";
                case "language" -> "ru";
                case "reliability" -> "B";
                case "dataset" -> "gdelt2";
                case "cameoCode" -> "057";
                default -> "a-1";
            };
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2025, 5, 16);
        }
        if (raw == Instant.class) {
            return Instant.parse("2025-06-27T10:00:00Z");
        }
        if (raw == LocalTime.class) {
            return LocalTime.of(10, 30);
        }
        if (raw == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class) {
            Type item = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(sample(name, item));
        }
        if (raw == Map.class) {
            Type item = ((ParameterizedType) generic).getActualTypeArguments()[1];
            return Map.of("a-1", sample(name, item));
        }
        if (raw.isRecord()) {
            return valid(raw);
        }
        throw new IllegalStateException("no sample for " + name + " of " + raw);
    }
}
