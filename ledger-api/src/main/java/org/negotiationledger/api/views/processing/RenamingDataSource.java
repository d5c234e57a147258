package org.negotiationledger.api.views.processing;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The ledger's database as a rebuild sees it: every SQL statement that names one of a view's
 * tables names its {@code …_next} copy instead, so that the view's own projector, unchanged,
 * writes into the copies while the live tables keep answering.
 */
final class RenamingDataSource extends DelegatingDataSource {

    private final Pattern tables;

    RenamingDataSource(DataSource target, List<String> tableNames) {
        super(target);
        this.tables = Pattern.compile("\\b(" + String.join("|", tableNames) + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    String rename(String sql) {
        return tables.matcher(sql).replaceAll("$1" + ViewTables.NEXT);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return renaming(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return renaming(super.getConnection(username, password));
    }

    private Connection renaming(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = method.invoke(connection, renamed(args));
            return result instanceof Statement statement && !(result instanceof PreparedStatement)
                    ? proxy(Statement.class, statement, (call, callArgs) -> call.invoke(statement, renamed(callArgs)))
                    : result;
        });
    }

    /** The arguments with the SQL among them (a leading string) renamed. */
    private Object[] renamed(Object[] args) {
        if (args != null && args.length > 0 && args[0] instanceof String sql) {
            Object[] copy = args.clone();
            copy[0] = rename(sql);
            return copy;
        }
        return args;
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
