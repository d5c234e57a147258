package org.negotiationledger.api.views.processing;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of a view, and fresh copies of them for a rebuild. A view's tables are those whose
 * names begin with the view's name ({@code positions_version} belongs to {@code positions}); a
 * rebuild writes into copies named {@code …_next}, made from the live tables' own description
 * (columns, primary key, indexes; on PostgreSQL the indexes as it defines them), which then take
 * the live tables' place.
 */
@Component
class ViewTables {

    static final String NEXT = "_next";
    static final String OLD = "_old";
    /** Text columns at least this long are written without a length: the database's own unbounded text. */
    private static final int UNBOUNDED = 1_000_000;

    private final JdbcTemplate jdbc;

    ViewTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The live tables of the view, in lower case. */
    List<String> of(String view) {
        String prefix = view.replace('-', '_').toLowerCase(Locale.ROOT) + "_";
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                    "%", new String[]{"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.startsWith(prefix) && !table.endsWith(NEXT) && !table.endsWith(OLD)) {
                        tables.add(table);
                    }
                }
            }
            return tables;
        });
    }

    /** Makes an empty copy of every table of the view, named {@code …_next}; drops older copies first. */
    void createNext(String view, long generation) {
        for (String table : of(view)) {
            jdbc.execute("DROP TABLE IF EXISTS " + table + NEXT);
            for (String ddl : copyOf(table, table + NEXT, "g" + generation)) {
                jdbc.execute(ddl);
            }
        }
    }

    /**
     * Gathers PostgreSQL's statistics of the filled copies before they take over: a table made
     * anew has none until autovacuum comes by, and without them the planner may take an index that
     * reads every version of a cell for one that reads a single row (seen at ten million events).
     */
    void analyzeNext(String view) {
        boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        if (postgres) {
            for (String table : of(view)) {
                jdbc.execute("ANALYZE " + table + NEXT);
            }
        }
    }

    /** Drops what a rebuild left: the copies it did not use, or the tables it replaced. */
    void dropLeftovers(String view) {
        for (String table : of(view)) {
            jdbc.execute("DROP TABLE IF EXISTS " + table + NEXT);
            jdbc.execute("DROP TABLE IF EXISTS " + table + OLD);
        }
    }

    /**
     * Puts the copies in the place of the live tables, which become {@code …_old}. On PostgreSQL
     * this is part of the caller's transaction; H2 commits each statement.
     */
    void takeOver(String view) {
        for (String table : of(view)) {
            jdbc.execute("ALTER TABLE " + table + " RENAME TO " + table + OLD);
            jdbc.execute("ALTER TABLE " + table + NEXT + " RENAME TO " + table);
        }
    }

    /** The statements that make {@code copy} with the columns, primary key and indexes of {@code table}. */
    private List<String> copyOf(String table, String copy, String tag) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(catalog, schema, stored, "%")) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME") + " " + type(rows)
                            + (rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : ""));
                }
            }
            Map<Integer, String> key = new TreeMap<>();
            try (ResultSet rows = meta.getPrimaryKeys(catalog, schema, stored)) {
                while (rows.next()) {
                    key.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                }
            }
            if (!key.isEmpty()) {
                columns.add("CONSTRAINT " + copy + "_" + tag + "_pk PRIMARY KEY (" + String.join(", ", key.values())
                        + ")");
            }
            List<String> ddl = new ArrayList<>();
            ddl.add("CREATE TABLE " + copy + " (" + String.join(", ", columns) + ")");
            if ("PostgreSQL".equals(meta.getDatabaseProductName())) {
                ddl.addAll(postgresIndexes(table, copy, tag));
                return ddl;
            }
            Map<String, Map<Integer, String>> indexes = new TreeMap<>();
            try (ResultSet rows = meta.getIndexInfo(catalog, schema, stored, false, false)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name != null && rows.getBoolean("NON_UNIQUE") && rows.getString("COLUMN_NAME") != null) {
                        indexes.computeIfAbsent(name, n -> new TreeMap<>())
                                .put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME")
                                        + ("D".equals(rows.getString("ASC_OR_DESC")) ? " DESC" : ""));
                    }
                }
            }
            int number = 0;
            for (Map<Integer, String> index : indexes.values()) {
                ddl.add("CREATE INDEX " + copy + "_" + tag + "_i" + ++number + " ON " + copy + " ("
                        + String.join(", ", index.values()) + ")");
            }
            return ddl;
        });
    }

    /**
     * The table's other indexes as PostgreSQL itself defines them, for the copy: JDBC's description
     * of an index has its columns and their directions but not where it puts nulls, and the
     * matrix's index puts them last (V29), which a copy without it could not serve in that order.
     */
    private List<String> postgresIndexes(String table, String copy, String tag) {
        List<String> definitions = jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = "
                + "current_schema() AND tablename = ? AND indexdef NOT LIKE 'CREATE UNIQUE%' ORDER BY indexname",
                String.class, table);
        List<String> ddl = new ArrayList<>();
        for (String definition : definitions) {
            ddl.add("CREATE INDEX " + copy + "_" + tag + "_i" + (ddl.size() + 1) + " ON " + copy
                    + definition.substring(definition.indexOf(" USING ")));
        }
        return ddl;
    }

    private static String type(ResultSet column) throws SQLException {
        String type = column.getString("TYPE_NAME");
        int size = column.getInt("COLUMN_SIZE");
        boolean text = type.toLowerCase(Locale.ROOT).contains("char");
        return text && size > 0 && size < UNBOUNDED ? type + "(" + size + ")" : type;
    }
}
