package org.negotiationledger.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/**
 * A generated history written straight into the event store, as the ledger stores it: a number of
 * negotiations, each opened with parties and topics, then statements spread over them. Seeded, so
 * that every run writes the same history.
 */
final class History {

    static final int NEGOTIATIONS = 100;
    static final int PARTIES = 4;
    static final int TOPICS = 10;
    private static final long SEED = 20250516L;
    private static final String TYPE = "org.negotiationledger.core.api.";
    private static final String[] STANCES = {"SUPPORTS", "PROPOSES", "DEMANDS", "CONDITIONAL", "UNDECIDED",
            "OPPOSES", "REJECTS"};

    private History() {
    }

    /** Writes the history of {@code events} events unless the store already holds it. */
    static void ensure(Connection connection, long events) throws Exception {
        try (Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            count.next();
            if (count.getLong(1) == 0) {
                write(connection, events);
            } else if (count.getLong(1) != events) {
                throw new IllegalStateException("the event store holds " + count.getLong(1) + " events, not the "
                        + events + " of the generated history");
            }
        }
    }

    /** Writes {@code events} events (at least the set-up of every negotiation). */
    static void write(Connection connection, long events) throws Exception {
        grow(connection, NEGOTIATIONS, events);
    }

    /**
     * Grows the store to {@code events} events over {@code negotiations} negotiations: on an empty
     * store their set-ups first; then statements spread over them at random, continuing each
     * negotiation's sequence where the store leaves it.
     */
    static void grow(Connection connection, int negotiations, long events) throws Exception {
        long[] sequence = new long[negotiations];
        long written;
        try (Statement sql = connection.createStatement();
             ResultSet heads = sql.executeQuery("SELECT aggregateidentifier, MAX(sequencenumber) + 1, COUNT(*) "
                     + "FROM domainevententry GROUP BY aggregateidentifier")) {
            written = 0;
            while (heads.next()) {
                sequence[Integer.parseInt(heads.getString(1).substring(2))] = heads.getLong(2);
                written += heads.getLong(3);
            }
        }
        connection.setAutoCommit(false);
        Random random = new Random(SEED + written);
        Instant recorded = Instant.parse("2025-07-01T00:00:00Z");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry ("
                + "aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, "
                + "payloadtype, timestamp) VALUES (?, ?, 'Negotiation', ?, ?, ?, '1', ?, ?)")) {
            long statements = written; // the statements' numbers go on from the events stored before
            if (written == 0) {
                for (int n = 0; n < negotiations; n++) {
                    written += setUp(insert, "n-" + n, sequence, n, recorded);
                }
            }
            for (long s = statements; written < events; s++) {
                int n = random.nextInt(negotiations);
                String id = "n-" + n;
                LocalDate day = LocalDate.parse("2025-01-01").plusDays(random.nextInt(180));
                written += add(insert, id, sequence, n, "StatementRecorded", "{\"negotiationId\":\"" + id
                                + "\",\"statementId\":\"s-" + s + "\",\"partyId\":\"p" + random.nextInt(PARTIES)
                                + "\",\"delegateId\":null,\"topicId\":\"t" + random.nextInt(TOPICS) + "\",\"stance\":\""
                                + STANCES[random.nextInt(STANCES.length)] + "\",\"summary\":\"Generated statement " + s
                                + " of the benchmark\",\"conditions\":null,\"offer\":null,\"effectiveOn\":\"" + day
                                + "\",\"source\":null,\"note\":null}",
                        recorded.plusSeconds(s));
                if (written % 5_000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** A negotiation opened with its parties and topics. */
    private static int setUp(PreparedStatement insert, String id, long[] sequence, int n, Instant recorded)
            throws Exception {
        int written = add(insert, id, sequence, n, "NegotiationOpened", "{\"negotiationId\":\"" + id
                + "\",\"title\":\"Generated " + n + "\",\"description\":null,\"openedOn\":\"2025-01-01\"}", recorded);
        for (int p = 0; p < PARTIES; p++) {
            written += add(insert, id, sequence, n, "PartyRegistered", "{\"negotiationId\":\"" + id
                    + "\",\"partyId\":\"p" + p + "\",\"name\":\"Party " + p + "\",\"role\":\"PARTY\"}", recorded);
        }
        for (int t = 0; t < TOPICS; t++) {
            written += add(insert, id, sequence, n, "TopicAdded", "{\"negotiationId\":\"" + id
                    + "\",\"topicId\":\"t" + t + "\",\"title\":\"Topic " + t + "\",\"description\":null}", recorded);
        }
        return written;
    }

    private static int add(PreparedStatement insert, String id, long[] sequence, int n, String type, String payload,
                           Instant recorded) throws Exception {
        insert.setString(1, id);
        insert.setLong(2, sequence[n]++);
        insert.setString(3, UUID.nameUUIDFromBytes((id + "/" + sequence[n]).getBytes(StandardCharsets.UTF_8))
                .toString());
        insert.setBytes(4, "{\"recordedBy\":\"bench\",\"correlationId\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
        insert.setString(6, TYPE + type);
        insert.setString(7, recorded.toString());
        insert.addBatch();
        return 1;
    }
}
