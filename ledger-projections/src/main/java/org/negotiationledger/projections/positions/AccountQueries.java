package org.negotiationledger.projections.positions;

import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.RecordKind;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.negotiationledger.projections.support.Rows.utc;

/** Answers how the accounts of a negotiation's records differ, from the positions view. */
@Component
public class AccountQueries {

    private final JdbcTemplate jdbc;

    public AccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public AccountList accounts(FindAccounts query) {
        if (!Rows.knows(jdbc, "positions_negotiation", query.negotiationId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        Instant at = moment.at();
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM positions_account WHERE negotiation_id = ? AND record_day <= ? AND known_from <= ?"
                + (query.recordId() == null ? "" : " AND record_id = ?") + " ORDER BY record_day, ordinal", row -> {
            boolean retracted = Rows.retractedBy(row, at);
            String value = row.getString("figure");
            AccountList.Account account = new AccountList.Account(row.getString("account_id"), row.getString("wording"),
                    value == null ? null : new BigDecimal(value), row.getString("unit"), row.getString("reported_by"),
                    Rows.sources(row, "sources_json"), Rows.instant(row, "known_from"), retracted,
                    retracted ? row.getString("retraction_reason") : null);
            String recordId = row.getString("record_id");
            String field = row.getString("record_field");
            Group group = new Group(recordId, RecordKind.valueOf(row.getString("record_kind")),
                    Rows.date(row, "record_day"), field);
            groups.computeIfAbsent(Arrays.asList(recordId, field), key -> group).accounts.add(account);
        }, arguments(query, moment.day(), at));
        return new AccountList(query.negotiationId(), query.asOf(), query.knownAt(), groups.values().stream()
                .map(Group::contested).toList());
    }

    private static Object[] arguments(FindAccounts query, LocalDate day, Instant at) {
        return query.recordId() == null ? new Object[]{query.negotiationId(), day, utc(at)}
                : new Object[]{query.negotiationId(), day, utc(at), query.recordId()};
    }

    /** The accounts of one record's field, as they are gathered. */
    private record Group(String recordId, RecordKind kind, LocalDate day, String field,
                         List<AccountList.Account> accounts) {

        Group(String recordId, RecordKind kind, LocalDate day, String field) {
            this(recordId, kind, day, field, new ArrayList<>());
        }

        /** Standing accounts differ when they give two figures, or two wordings, that are not the same. */
        AccountList.Contested contested() {
            List<AccountList.Account> standing = accounts.stream().filter(account -> !account.retracted()).toList();
            boolean differ = standing.stream().map(account -> account.value() == null ? null
                    : account.value().stripTrailingZeros().toPlainString() + " " + account.unit())
                    .filter(Objects::nonNull).distinct().count() > 1
                    || standing.stream().map(AccountList.Account::text).filter(Objects::nonNull).distinct().count() > 1;
            return new AccountList.Contested(recordId, kind, day, field, differ, List.copyOf(accounts));
        }
    }
}
